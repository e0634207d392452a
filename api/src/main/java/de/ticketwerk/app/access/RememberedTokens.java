package de.ticketwerk.app.access;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token already decoded and verified is taken again as it was, until it expires: a client sends the same token
 * with every request, and parsing, converting its claims and checking its RSA signature was a tenth of a request's
 * CPU (BENCHMARKS.md, issue 13). A token's claims and signature cannot change; its time can, so expiry and not-before
 * are checked at every use. At most {@code capacity} tokens are kept; when full, all are forgotten.
 */
final class RememberedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> decoded = new ConcurrentHashMap<>();

    RememberedTokens(JwtDecoder decoder, int capacity, Clock clock) {
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt remembered = decoded.get(token);
        if (remembered != null && isValidNow(remembered)) {
            return remembered;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (decoded.size() >= capacity) {
                decoded.clear();
            }
            decoded.put(token, jwt);
        }
        return jwt;
    }

    private boolean isValidNow(Jwt jwt) {
        Instant now = clock.instant();
        return now.isBefore(jwt.getExpiresAt()) && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
