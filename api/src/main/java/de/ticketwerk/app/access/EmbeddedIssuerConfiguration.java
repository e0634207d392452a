package de.ticketwerk.app.access;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
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
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
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
                // /userinfo takes the bearer token of the person it describes
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(AccessConfiguration.unauthenticated()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                        .defaultAuthenticationEntryPointFor(AccessConfiguration.unauthenticated(),
                                AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(LOGIN_PAGE_POLICY)));
        return http.build();
    }

    /** The login page, with a session cookie and CSRF protection: the only place a cookie authenticates. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, SignInAttempts attempts) throws Exception {
        SignInLimitFilter limits = new SignInLimitFilter(attempts);
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(limits, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.successHandler(limits.successHandler()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(LOGIN_PAGE_POLICY)));
        return http.build();
    }

    @Bean
    SignInAttempts signInAttempts(JdbcTemplate jdbc, Clock clock, AccessProperties properties) {
        return new SignInAttempts(jdbc, clock, properties.signIn());
    }

    /** Every wrong password at the sign-in form (an unknown name too) counts for the account and the address. */
    @Bean
    ApplicationListener<AuthenticationFailureBadCredentialsEvent> wrongPasswords(SignInAttempts attempts) {
        return event -> {
            if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken form
                    && form.getDetails() instanceof WebAuthenticationDetails details) {
                attempts.failed(form.getName(), details.getRemoteAddress());
            }
        };
    }

    @Bean
    RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    /** A revocation (or any other change of an authorization) is seen by the next request of that token. */
    @Bean
    OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients,
                                              ObjectProvider<TokenStanding> standing) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients) {
            @Override
            public void save(OAuth2Authorization authorization) {
                super.save(authorization);
                standing.ifAvailable(TokenStanding::forget);
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
                super.remove(authorization);
                standing.ifAvailable(TokenStanding::forget);
            }
        };
    }

    @Bean
    TokenStanding tokenStanding(OAuth2AuthorizationService authorizations, Accounts accounts, Clock clock,
                                AccessProperties properties) {
        return new TokenStanding(authorizations, accounts, clock, properties.accessRecheck());
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
            // A mutable list: the stored authorization is read back with Jackson's allow-list, which knows ArrayList
            // but not the JDK's immutable lists (introspection and revocation answered 500 before).
            put(claims, properties.rolesClaim(), new ArrayList<>(roles.stream().map(Enum::name).sorted().toList()));
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
