package de.ticketwerk.app.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the API tests: the system's time until a test moves it to an instant, where it stands until it is moved
 * again or follows the system once more (before each test, {@link ApiTest}).
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    /** Following the system's time. */
    public MovableClock() {
    }

    public MovableClock(Instant start) {
        this.now = start;
    }

    public void moveTo(Instant instant) {
        now = instant;
    }

    public void followSystem() {
        now = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application reads instants only");
    }

    @Override
    public Instant instant() {
        Instant moved = now;
        return moved == null ? Instant.now() : moved;
    }
}
