package de.ticketwerk.app.access;

import de.ticketwerk.app.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * The API is an OAuth 2 resource server (R-A1): every request under {@code /api} needs a bearer token, and every
 * controller method names its roles with {@code @Secured} ({@link Allowed}). No cookie authenticates a call of
 * the API, so a cross-site form cannot change anything; CORS is closed unless origins are configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(prePostEnabled = false, securedEnabled = true)
@EnableConfigurationProperties(AccessProperties.class)
class AccessConfiguration implements WebMvcConfigurer {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final int REMEMBERED_TOKENS = 1_000;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, AccessProperties properties, JwtDecoder tokens, Clock clock,
                            ObjectProvider<TokenStanding> standing, Colleagues colleagues) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.decoder(new RememberedTokens(tokens, REMEMBERED_TOKENS, clock))
                                .jwtAuthenticationConverter(new TokenReader(properties, standing.getIfAvailable(),
                                        colleagues)))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only: a browser never sends one on its own, so there is no cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                // Nothing to sign out of; the servlet API wrapper stays: the health endpoint asks it for the roles.
                .logout(logout -> logout.disable())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)));
        return http.build();
    }

    /**
     * No observation (timer, trace) per filter, authentication and authorization: they were a seventh of a request's
     * CPU under load (BENCHMARKS.md, issue 13). The HTTP server's own observation of each request stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** What the firewall refuses (a parameter name with a line break, an encoded slash …) is a bad request. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> Problems.write(response, Problems.problem(HttpStatus.BAD_REQUEST,
                "Invalid request", "the request line, a header or a parameter is malformed"), request.getRequestURI());
    }

    /**
     * BCrypt reads only the first 72 bytes of a password: a longer one would match any password with the same first
     * 72 bytes. No account is given a longer one ({@link AccessController}), and a longer one never signs in.
     */
    @Bean
    Colleagues colleagues(JdbcTemplate jdbc) {
        return new Colleagues(jdbc);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw != null && AccessController.fitsPassword(raw.toString()) && encoder.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return encoder.upgradeEncoding(encoded);
            }
        };
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(AccessProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(properties.corsOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"));
            cors.setExposedHeaders(List.of("ETag", "Location", "Idempotent-Replayed"));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            Problems.write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "a valid bearer token is needed (Authorization: Bearer …)"), request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            challenge.handle(request, response, exception);
            Problems.write(response, Problems.problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "the token's roles do not allow this"), request.getRequestURI());
        };
    }
}
