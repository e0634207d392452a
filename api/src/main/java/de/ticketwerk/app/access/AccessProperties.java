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
 * @param accessRecheck   how long what the embedded issuer's store says of a token (revoked, the account enabled, its
 *                        roles) is taken as read before it is read again; changes made on the same node count at once
 * @param signIn          how repeated wrong passwords slow sign-in down and lock it
 * @param corsOrigins     the browser origins allowed to call the API; none by default
 * @param redirectUris    where the embedded issuer's command-line client may be sent back after sign-in
 * @param clients         integration clients registered (or updated) at start-up, by client id
 */
@ConfigurationProperties("ticketwerk.security")
public record AccessProperties(String rolesClaim, String customerClaim, String adminUsername, String adminPassword,
                               Duration accessTokenTtl, Duration accessRecheck, SignInLimits signIn,
                               List<String> corsOrigins, List<String> redirectUris,
                               Map<String, ConfiguredClient> clients) {

    public record ConfiguredClient(String secret, Set<AccessRole> roles) {
    }

    /**
     * Sign-in's answer to wrong passwords (OWASP's advice against guessing): from the {@code slowAfter}th failure of
     * an account in a row, each further try waits twice as long as the one before ({@code firstDelay}, doubled, at
     * most {@code lockFor}); after {@code lockAfter} failures the account is locked for {@code lockFor}, and a client
     * address with {@code addressLockAfter} failures within {@code lockFor} is locked as well, for any account.
     */
    public record SignInLimits(int slowAfter, Duration firstDelay, int lockAfter, int addressLockAfter,
                               Duration lockFor) {
        public SignInLimits {
            slowAfter = slowAfter <= 0 ? 3 : slowAfter;
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            lockAfter = lockAfter <= 0 ? 10 : lockAfter;
            addressLockAfter = addressLockAfter <= 0 ? 50 : addressLockAfter;
            lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        }
    }

    public AccessProperties {
        rolesClaim = blankOr(rolesClaim, "roles");
        customerClaim = blankOr(customerClaim, "customer_id");
        adminUsername = blankOr(adminUsername, "admin");
        adminPassword = adminPassword == null ? "" : adminPassword;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
        accessRecheck = accessRecheck == null ? Duration.ofSeconds(5) : accessRecheck;
        signIn = signIn == null ? new SignInLimits(0, null, 0, 0, null) : signIn;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        redirectUris = redirectUris == null || redirectUris.isEmpty() ? List.of("http://127.0.0.1:8400/callback")
                : List.copyOf(redirectUris);
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        clients.forEach((id, client) -> {
            if (client.secret() == null || client.secret().length() < 16 || !AccessController.fitsPassword(client.secret())) {
                throw new IllegalArgumentException("ticketwerk.security.clients." + id
                        + ".secret must have at least 16 characters and at most 72 bytes");
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
