package de.ticketwerk.app.access;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Without an external issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), the application is its
 * own: Spring Authorization Server in-process, with clients, authorizations, consents, people and the signing key in
 * PostgreSQL. People sign in on its login page (authorization code with PKCE, or the device grant); integrations
 * use client credentials. Its access tokens carry the roles and the customer in the claims the resource server reads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
class EmbeddedIssuerConfiguration {

    /** Strict for the pages a browser shows: nothing from elsewhere, never in a frame. */
    static final String LOGIN_PAGE_POLICY = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; "
            + "base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http, RegisteredClientRepository clients,
                                        AuthorizationServerSettings settings) throws Exception {
        http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults())
                .clientAuthentication(authentication -> authentication
                        .authenticationConverter(DeviceClientAuthentication.converter(
                                settings.getDeviceAuthorizationEndpoint()))
                        .authenticationProvider(DeviceClientAuthentication.provider(clients)))
                .deviceAuthorizationEndpoint(Customizer.withDefaults())
                .deviceVerificationEndpoint(Customizer.withDefaults()));
        http.securityMatcher(http.getConfigurer(OAuth2AuthorizationServerConfigurer.class).getEndpointsMatcher())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(LOGIN_PAGE_POLICY)));
        return http.build();
    }

    /** The login page, with a session cookie and CSRF protection: the only place a cookie authenticates. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(LOGIN_PAGE_POLICY)));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService consents(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings issuerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> signingKey(JdbcTemplate jdbc) {
        return new ImmutableJWKSet<>(SigningKeys.load(jdbc));
    }

    @Bean
    JwtDecoder embeddedIssuerTokens(JWKSource<SecurityContext> signingKey) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKey);
    }

    @Bean
    Accounts accounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        return new Accounts(jdbc, passwords);
    }

    @Bean
    IntegrationClients integrationClients(RegisteredClientRepository clients, JdbcTemplate jdbc,
                                          PasswordEncoder passwords, AccessProperties properties) {
        return new IntegrationClients(clients, jdbc, passwords, properties.accessTokenTtl());
    }

    @Bean
    AccessBootstrap accessBootstrap(Accounts accounts, IntegrationClients clients, AccessProperties properties) {
        return new AccessBootstrap(accounts, clients, properties);
    }

    /** A person's roles and customer from their account, a client's roles from its settings (R-A4). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesInTokens(Accounts accounts, AccessProperties properties) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            Set<AccessRole> roles;
            String customer = null;
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                roles = IntegrationClients.roles(context.getRegisteredClient());
            } else {
                Accounts.Account account = accounts.find(context.getPrincipal().getName()).orElseThrow();
                roles = account.roles();
                customer = account.customerId() == null ? null : account.customerId().toString();
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            put(claims, properties.rolesClaim(), roles.stream().map(Enum::name).sorted().toList());
            if (customer != null) {
                put(claims, properties.customerClaim(), customer);
            }
            context.getClaims().claims(all -> all.putAll(claims));
        };
    }

    /** A dotted claim name is written nested, the way the resource server reads it. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> claims, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = claims;
        for (int i = 0; i < parts.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(parts[i], key -> new LinkedHashMap<String, Object>());
        }
        at.put(parts[parts.length - 1], value);
    }
}
