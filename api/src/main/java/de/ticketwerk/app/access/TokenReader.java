package de.ticketwerk.app.access;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the actor out of a validated token: the subject is the name, the roles and the customer come from the
 * claims that {@link AccessProperties} names. Roles this application does not know are ignored; a customer role
 * without a customer claim makes the token invalid, so that no customer person ever reads without a scope. A token of
 * the embedded issuer is held to what its account and authorization say now ({@link TokenStanding}).
 */
final class TokenReader implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String customerClaim;
    private final TokenStanding standing;
    private final Colleagues colleagues;

    /** With the embedded issuer's {@link TokenStanding}; null for an external issuer's tokens. */
    TokenReader(AccessProperties properties, TokenStanding standing, Colleagues colleagues) {
        this.rolesClaim = properties.rolesClaim();
        this.customerClaim = properties.customerClaim();
        this.standing = standing;
        this.colleagues = colleagues;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.getSubject();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidBearerTokenException("the token names no subject");
        }
        Set<AccessRole> roles = roles(claim(jwt.getClaims(), rolesClaim));
        UUID customer = customer(jwt.getClaimAsString(customerClaim));
        if (roles.stream().anyMatch(AccessRole::ofCustomer) && customer == null) {
            throw new InvalidBearerTokenException("a customer person's token must name the customer in "
                    + customerClaim);
        }
        Actor claimed = new Actor(name, roles, customer);
        Actor actor = standing == null ? claimed : standing.actorNow(jwt, claimed);
        colleagues.seen(actor);
        return new TokenAuthentication(jwt, actor);
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Set<AccessRole> roles(Object claim) {
        return AccessRole.named(claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split(" ")) : List.of());
    }

    private static UUID customer(String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("the token's customer claim is no customer id");
        }
    }
}
