package de.ticketwerk.app.support;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tokens signed with the embedded issuer's own key, as it would sign them, for tests that are about something else
 * than signing in. The end-to-end tests get theirs from the issuer over HTTP.
 */
public final class TestTokens {

    /** Every role of the MSP's staff: what the tests of the domain act with. */
    public static final List<String> STAFF = List.of("ADMIN", "DISPATCHER", "TECHNICIAN", "ACCOUNT_MANAGER",
            "FINANCE", "AUDITOR");

    private final NimbusJwtEncoder encoder;

    @SuppressWarnings("unchecked")
    public TestTokens(ApplicationContext context) {
        this.encoder = new NimbusJwtEncoder(context.getBean(JWKSource.class));
    }

    public TestTokens(JWKSource<SecurityContext> keys) {
        this.encoder = new NimbusJwtEncoder(keys);
    }

    public String staff(String name) {
        return token(name, STAFF, null);
    }

    public String token(String subject, Collection<String> roles, UUID customer) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(subject).issuedAt(now)
                .expiresAt(now.plus(1, ChronoUnit.HOURS)).claim("roles", List.copyOf(roles));
        if (customer != null) {
            claims.claim("customer_id", customer.toString());
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
    }
}
