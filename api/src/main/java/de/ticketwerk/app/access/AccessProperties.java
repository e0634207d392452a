package de.ticketwerk.app.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the application trusts and how it reads a token: {@code ticketwerk.security.*}. With
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set, tokens come from that issuer and the claims
 * named here carry the roles and the customer; without it, the embedded issuer signs them.
 *
 * @param rolesClaim      the claim with the roles (a list or a space-separated string); a dotted path reaches into
 *                        an object, as Keycloak's {@code realm_access.roles}
 * @param customerClaim   the claim with the customer id of a customer person
 * @param adminUsername   the first ADMIN, created on an empty database
 * @param adminPassword   its password; when empty, one is generated and logged once
 * @param accessTokenTtl  how long a token of the embedded issuer is valid
 * @param corsOrigins     the browser origins allowed to call the API; none by default
 * @param redirectUris    where the embedded issuer's command-line client may be sent back after sign-in
 * @param clients         integration clients registered (or updated) at start-up, by client id
 */
@ConfigurationProperties("ticketwerk.security")
public record AccessProperties(String rolesClaim, String customerClaim, String adminUsername, String adminPassword,
                               Duration accessTokenTtl, List<String> corsOrigins, List<String> redirectUris,
                               Map<String, ConfiguredClient> clients) {

    public record ConfiguredClient(String secret, Set<AccessRole> roles) {
    }

    public AccessProperties {
        rolesClaim = blankOr(rolesClaim, "roles");
        customerClaim = blankOr(customerClaim, "customer_id");
        adminUsername = blankOr(adminUsername, "admin");
        adminPassword = adminPassword == null ? "" : adminPassword;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        redirectUris = redirectUris == null || redirectUris.isEmpty() ? List.of("http://127.0.0.1:8400/callback")
                : List.copyOf(redirectUris);
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((id, client) -> {
            if (client.secret() == null || client.secret().length() < 16) {
                throw new IllegalArgumentException("ticketwerk.security.clients." + id
                        + ".secret must have at least 16 characters");
            }
            if (client.roles() == null || client.roles().isEmpty()) {
                throw new IllegalArgumentException("ticketwerk.security.clients." + id + ".roles must name a role");
            }
        });
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
