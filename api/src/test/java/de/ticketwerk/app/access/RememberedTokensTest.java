package de.ticketwerk.app.access;

import de.ticketwerk.app.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<String> decoded = new ArrayList<>();

    /** Decodes like a real decoder would judge the time: an expired token is refused. */
    private Jwt decode(String token) {
        decoded.add(token);
        Instant expiresAt = NOW.plusSeconds(60);
        if (!clock.instant().isBefore(expiresAt)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("anna").issuedAt(NOW).expiresAt(expiresAt)
                .build();
    }

    @Test
    void aTokenIsDecodedOnceWhileItIsValidAndAgainWhenItHasExpired() {
        RememberedTokens tokens = new RememberedTokens(this::decode, 10, clock);

        tokens.decode("a");
        tokens.decode("a");
        clock.moveTo(NOW.plusSeconds(60));

        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).containsExactly("a", "a");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        RememberedTokens tokens = new RememberedTokens(token -> {
            decoded.add(token);
            throw new BadJwtException("bad signature");
        }, 10, clock);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).containsExactly("forged", "forged");
    }

    @Test
    void whenFullItForgetsAllAndDecodesAgain() {
        RememberedTokens tokens = new RememberedTokens(this::decode, 2, clock);

        tokens.decode("a");
        tokens.decode("b");
        tokens.decode("c");
        tokens.decode("a");

        assertThat(decoded).containsExactly("a", "b", "c", "a");
    }
}
