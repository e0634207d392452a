package de.ticketwerk.app.access;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens end when access ends: a token of the embedded issuer acts only while its authorization is not revoked and,
 * for a person, while their account is enabled, with the roles the account still holds (a role taken away is gone at
 * once; a role given needs a new token). Checked on every request against what was read at most {@code ttl} ago; a
 * change made on this node (an ADMIN's change of a person, a revocation) is seen at the next request. A token that
 * the store does not know (signed with the issuer's key by someone who holds it, as the tests do) is only held to its
 * account.
 */
final class TokenStanding {

    /** What the store says of a token: whether it still acts, and as whom. */
    private record Standing(Instant readAt, boolean revoked, Optional<Accounts.Account> account) {
    }

    private static final int CAPACITY = 10_000;

    private final OAuth2AuthorizationService authorizations;
    private final Accounts accounts;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Standing> read = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    TokenStanding(OAuth2AuthorizationService authorizations, Accounts accounts, Clock clock, Duration ttl) {
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The actor as the token names it, less what was taken away since; refused when revoked or disabled. */
    Actor actorNow(Jwt jwt, Actor claimed) {
        Standing standing = standing(jwt.getTokenValue(), claimed.name());
        if (standing.revoked()) {
            throw new InvalidBearerTokenException("the token was revoked");
        }
        if (standing.account().isEmpty()) {
            return claimed;
        }
        Accounts.Account account = standing.account().get();
        if (!account.enabled()) {
            throw new InvalidBearerTokenException("the account " + account.username() + " is disabled");
        }
        if (!Objects.equals(account.customerId(), claimed.customerId())) {
            throw new InvalidBearerTokenException("the account " + account.username() + " now belongs to another "
                    + "customer; sign in again");
        }
        Set<AccessRole> roles = claimed.roles().isEmpty() ? EnumSet.noneOf(AccessRole.class)
                : EnumSet.copyOf(claimed.roles());
        roles.retainAll(account.roles());
        return roles.size() == claimed.roles().size() ? claimed : new Actor(claimed.name(), roles,
                claimed.customerId());
    }

    /** Everything read so far is read again at its next use: after an ADMIN's change or a revocation. */
    void forget() {
        read.replaceAll((token, standing) -> new Standing(Instant.EPOCH, standing.revoked(), standing.account()));
    }

    /**
     * One request reads the store again when what was read has aged past the ttl; the token's other requests meanwhile
     * go on with what was read before, so that a busy client costs one lookup per ttl, not one per request in flight.
     */
    private Standing standing(String token, String subject) {
        Instant now = clock.instant();
        Standing known = read.get(token);
        if (known == null) {
            return lookUp(token, subject, now);
        }
        if (known.readAt().plus(ttl).isAfter(now) || !refreshing.add(token)) {
            return known;
        }
        try {
            return lookUp(token, subject, now);
        } finally {
            refreshing.remove(token);
        }
    }

    private Standing lookUp(String token, String subject, Instant now) {
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        boolean revoked = authorization != null && authorization.getAccessToken() != null
                && authorization.getAccessToken().isInvalidated();
        Standing standing = new Standing(now, revoked, accounts.find(subject));
        if (read.size() >= CAPACITY) {
            read.clear();
        }
        read.put(token, standing);
        return standing;
    }
}
