package de.ticketwerk.app.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.JdbcTemplate;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * The embedded issuer's signing key, kept in PostgreSQL so that a restart does not invalidate the tokens out there,
 * and shared by every node on the same database. The first start generates it.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static JWKSet load(JdbcTemplate jdbc) {
        List<String> stored = jdbc.queryForList("SELECT jwk FROM signing_key", String.class);
        if (stored.isEmpty()) {
            RSAKey generated = generate();
            jdbc.update("INSERT INTO signing_key (key_id, jwk) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    generated.getKeyID(), generated.toJSONString());
            stored = jdbc.queryForList("SELECT jwk FROM signing_key", String.class);
        }
        try {
            return new JWKSet(RSAKey.parse(stored.get(0)));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key could be generated", e);
        }
    }
}
