package de.ticketwerk.app.web;

import java.time.Duration;

/** What will exist shortly but did not within the time a request waits for it: 503 with Retry-After. */
public class NotYet extends RuntimeException {

    private final Duration retryAfter;

    public NotYet(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
