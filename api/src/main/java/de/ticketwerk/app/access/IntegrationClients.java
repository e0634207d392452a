package de.ticketwerk.app.access;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The clients of the embedded issuer: integrations with their own roles and a secret (client credentials, R-A4),
 * and the one public client people sign in with (authorization code with PKCE, or the device grant).
 */
public class IntegrationClients {

    public static final String COMMAND_LINE_CLIENT = "ticketwerk-cli";
    private static final String ROLES = "ticketwerk.roles";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Client(String clientId, Set<AccessRole> roles) {
    }

    private final RegisteredClientRepository clients;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Duration tokenTtl;

    public IntegrationClients(RegisteredClientRepository clients, JdbcTemplate jdbc, PasswordEncoder passwords,
                              Duration tokenTtl) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tokenTtl = tokenTtl;
    }

    /** The new client's secret, shown once; empty when the id is taken. */
    public Optional<String> create(String clientId, Set<AccessRole> roles) {
        if (clients.findByClientId(clientId) != null) {
            return Optional.empty();
        }
        String secret = newSecret();
        clients.save(integration(UUID.randomUUID().toString(), clientId, secret, roles));
        return Optional.of(secret);
    }

    /** A client named in the configuration: registered, or brought up to its configured secret and roles. */
    public void configure(String clientId, String secret, Set<AccessRole> roles) {
        RegisteredClient existing = clients.findByClientId(clientId);
        String id = existing == null ? UUID.randomUUID().toString() : existing.getId();
        clients.save(integration(id, clientId, secret, roles));
    }

    public List<Client> all() {
        return jdbc.queryForList("SELECT client_id FROM oauth2_registered_client WHERE client_id <> ? "
                        + "ORDER BY client_id", String.class, COMMAND_LINE_CLIENT).stream()
                .map(clients::findByClientId).filter(Objects::nonNull)
                .map(client -> new Client(client.getClientId(), roles(client))).toList();
    }

    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    /** The public client for people: no secret, PKCE required, redirected only to the configured addresses. */
    public void ensureCommandLineClient(List<String> redirectUris) {
        RegisteredClient existing = clients.findByClientId(COMMAND_LINE_CLIENT);
        clients.save(RegisteredClient.withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(COMMAND_LINE_CLIENT).clientName("Ticketwerk sign-in")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                .build());
    }

    static Set<AccessRole> roles(RegisteredClient client) {
        Object roles = client.getClientSettings().getSetting(ROLES);
        return roles instanceof String names ? Accounts.roles(names) : Set.of();
    }

    private RegisteredClient integration(String id, String clientId, String secret, Set<AccessRole> roles) {
        return RegisteredClient.withId(id).clientId(clientId).clientName(clientId)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().setting(ROLES, Accounts.names(roles)).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
                .build();
    }

    static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
