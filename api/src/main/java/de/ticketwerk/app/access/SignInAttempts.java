package de.ticketwerk.app.access;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wrong passwords slow sign-in down, then lock it (see {@link AccessProperties.SignInLimits}): per account and per
 * client address, in PostgreSQL, so that every node counts the same. A failure older than the lock time is
 * forgotten; a sign-in that succeeds forgets the account's failures.
 */
final class SignInAttempts {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessProperties.SignInLimits limits;

    SignInAttempts(JdbcTemplate jdbc, Clock clock, AccessProperties.SignInLimits limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
    }

    /** How long the account, or the address, must wait before its next try; empty when it may try now. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant until = max(accountFree(username), addressFree(address));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String username, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp forgotten = Timestamp.from(clock.instant().minus(limits.lockFor()));
        jdbc.update("DELETE FROM sign_in_failure WHERE last_failure < ?", forgotten);
        for (String subject : List.of(account(username), address(address))) {
            jdbc.update("""
                    INSERT INTO sign_in_failure (subject, failures, last_failure) VALUES (?, 1, ?)
                    ON CONFLICT (subject) DO UPDATE SET last_failure = EXCLUDED.last_failure,
                        failures = CASE WHEN sign_in_failure.last_failure < ? THEN 1
                                        ELSE sign_in_failure.failures + 1 END""", subject, now, forgotten);
        }
    }

    void succeeded(String username) {
        jdbc.update("DELETE FROM sign_in_failure WHERE subject = ?", account(username));
    }

    /** From the slowAfter-th failure in a row a growing wait, from the lockAfter-th the lock. */
    private Instant accountFree(String username) {
        return failures(account(username)).map(f -> {
            if (f.failures() >= limits.lockAfter()) {
                return f.last().plus(limits.lockFor());
            }
            if (f.failures() < limits.slowAfter()) {
                return null;
            }
            Duration delay = limits.firstDelay().multipliedBy(1L << Math.min(20, f.failures() - limits.slowAfter()));
            return f.last().plus(delay.compareTo(limits.lockFor()) > 0 ? limits.lockFor() : delay);
        }).orElse(null);
    }

    private Instant addressFree(String address) {
        return failures(address(address)).filter(f -> f.failures() >= limits.addressLockAfter())
                .map(f -> f.last().plus(limits.lockFor())).orElse(null);
    }

    private record Failures(int failures, Instant last) {
    }

    private Optional<Failures> failures(String subject) {
        Instant forgotten = clock.instant().minus(limits.lockFor());
        return jdbc.query("SELECT failures, last_failure FROM sign_in_failure WHERE subject = ?",
                        (row, n) -> new Failures(row.getInt(1), row.getTimestamp(2).toInstant()), subject).stream()
                .filter(f -> f.last().isAfter(forgotten)).findFirst();
    }

    private static String account(String username) {
        return "account:" + (username.length() > 200 ? username.substring(0, 200) : username);
    }

    private static String address(String address) {
        return "address:" + address;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
