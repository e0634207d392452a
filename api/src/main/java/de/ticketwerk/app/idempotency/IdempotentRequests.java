package de.ticketwerk.app.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The stored answers of requests with an Idempotency-Key (table {@code idempotent_request}). */
final class IdempotentRequests {

    /** What a client sent under a key, and the answer it got. */
    record Answer(byte[] fingerprint, int status, String contentType, String location, String etag, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    IdempotentRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the key until the surrounding transaction ends; false while another request with it is in flight. The
     * lock is a 64-bit digest of principal and key: two different keys sharing one is a 2^-64 chance of a needless 409.
     */
    boolean lock(String principal, String key) {
        byte[] digest = sha256((principal + '\n' + key).getBytes(StandardCharsets.UTF_8));
        long lock = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            lock = (lock << 8) | (digest[i] & 0xff);
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, lock));
    }

    Optional<Answer> answered(String principal, String key, Instant notBefore) {
        return jdbc.query("""
                        SELECT fingerprint, status, content_type, location, etag, body FROM idempotent_request
                        WHERE principal = ? AND request_key = ? AND answered_at >= ?""",
                (row, n) -> new Answer(row.getBytes(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getBytes(6)),
                principal, key, Timestamp.from(notBefore)).stream().findFirst();
    }

    /** Replaces an expired answer under the same key. */
    void record(String principal, String key, Answer answer, Instant at) {
        jdbc.update("""
                        INSERT INTO idempotent_request (principal, request_key, fingerprint, status, content_type,
                            location, etag, body, answered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (principal, request_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
                            status = EXCLUDED.status, content_type = EXCLUDED.content_type,
                            location = EXCLUDED.location, etag = EXCLUDED.etag, body = EXCLUDED.body,
                            answered_at = EXCLUDED.answered_at""",
                principal, key, answer.fingerprint(), answer.status(), answer.contentType(), answer.location(),
                answer.etag(), answer.body(), Timestamp.from(at));
    }

    int forgetBefore(Instant before) {
        return jdbc.update("DELETE FROM idempotent_request WHERE answered_at < ?", Timestamp.from(before));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
