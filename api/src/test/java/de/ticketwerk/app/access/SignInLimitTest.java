package de.ticketwerk.app.access;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.MovableClock;
import de.ticketwerk.app.support.SignIn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated wrong passwords slow sign-in down and then lock the account for a while (per account and per client
 * address), across nodes through PostgreSQL (issue 25: twenty wrong passwords in 1.6 s met no resistance).
 */
class SignInLimitTest extends ApiTest {

    private static final String PASSWORD = "a long passphrase";

    @Test
    void wrongPasswordsSlowSignInDownAndThenLockTheAccount() throws Exception {
        create("kai");
        SignIn signIn = new SignIn(port());
        for (int i = 0; i < 3; i++) {
            assertThat(signIn.login("kai", "wrong password").location()).endsWith("/login?error");
        }

        SignIn.Answer tooSoon = signIn.login("kai", PASSWORD);
        assertThat(tooSoon.status()).as("too soon after the third").isEqualTo(429);
        assertThat(tooSoon.body()).contains("Too many wrong passwords", "Try again in 1 seconds");
        Thread.sleep(250);
        assertThat(signIn.login("kai", PASSWORD).location()).as("waited the first delay").doesNotContain("error");

        SignIn again = new SignIn(port());
        long delay = 200;
        for (int i = 0; i < 6; i++) {
            assertThat(again.login("kai", "wrong password").location()).endsWith("?error");
            if (i >= 2) {
                Thread.sleep(delay + 50);
                delay *= 2;
            }
        }
        SignIn.Answer locked = again.login("kai", PASSWORD);
        assertThat(locked.status()).as("locked after six").isEqualTo(429);
        assertThat(locked.body()).containsPattern("Try again in (8[5-9][0-9]|900) seconds");
        assertThat(new SignIn(port()).authorizationCode("admin", ADMIN_PASSWORD).status())
                .as("another account signs in").isEqualTo(200);
    }

    @Test
    void anAddressWithTooManyWrongPasswordsIsLockedForEveryAccountUntilTheLockTimePasses() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        SignInAttempts attempts = new SignInAttempts(jdbc, clock,
                new AccessProperties.SignInLimits(3, Duration.ofSeconds(1), 10, 5, Duration.ofMinutes(15)));
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.waitBefore("user" + i, "203.0.113.7")).isEmpty();
            attempts.failed("user" + i, "203.0.113.7");
        }

        assertThat(attempts.waitBefore("someone-else", "203.0.113.7")).contains(Duration.ofMinutes(15));
        assertThat(attempts.waitBefore("someone-else", "203.0.113.8")).isEmpty();
        clock.moveTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(attempts.waitBefore("someone-else", "203.0.113.7")).isEmpty();
    }

    @Test
    void theWaitDoublesWithEachFailureAndASuccessForgetsThem() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-07T11:00:00Z"));
        SignInAttempts attempts = new SignInAttempts(jdbc, clock,
                new AccessProperties.SignInLimits(3, Duration.ofSeconds(1), 10, 50, Duration.ofMinutes(15)));
        attempts.failed("jo", "198.51.100.1");
        attempts.failed("jo", "198.51.100.1");
        assertThat(attempts.waitBefore("jo", "198.51.100.1")).isEmpty();
        attempts.failed("jo", "198.51.100.1");
        assertThat(attempts.waitBefore("jo", "198.51.100.1")).contains(Duration.ofSeconds(1));
        attempts.failed("jo", "198.51.100.1");
        assertThat(attempts.waitBefore("jo", "198.51.100.1")).contains(Duration.ofSeconds(2));
        attempts.failed("jo", "198.51.100.1");
        assertThat(attempts.waitBefore("jo", "198.51.100.1")).contains(Duration.ofSeconds(4));

        attempts.succeeded("jo");

        assertThat(attempts.waitBefore("jo", "198.51.100.1")).isEmpty();
    }

    private void create(String username) {
        String token = new SignIn(port()).accessToken("admin", ADMIN_PASSWORD);
        Http admin = new Http(port(), actor -> token);
        assertThat(admin.post("/api/v1/users", """
                {"username": "%s", "password": "%s", "roles": ["TECHNICIAN"]}""".formatted(username, PASSWORD))
                .status()).isEqualTo(201);
    }
}
