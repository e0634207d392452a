package de.ticketwerk.projections.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * R-AU3: a link is SHA-256 over the previous link and the position's stored bytes. Each field of the event enters
 * with its length (a missing one as -1), so that no two different rows hash alike by moving bytes between fields.
 * The first position's previous link is 32 zero bytes.
 */
final class ChainLinks {

    static final byte[] FIRST_PREVIOUS = new byte[32];
    private static final byte EVENT = 1;
    private static final byte GAP = 2;

    private final MessageDigest sha256;

    ChainLinks() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    byte[] event(byte[] previous, StoredEvent event) {
        sha256.update(previous);
        sha256.update(EVENT);
        number(event.position());
        text(event.eventId());
        text(event.aggregateType());
        text(event.aggregateId());
        number(event.sequence());
        text(event.payloadType());
        text(event.payloadRevision());
        text(event.timestamp());
        text(event.metaData());
        text(event.payload());
        return sha256.digest();
    }

    /** A position that no event took, closed once no transaction could still commit one there. */
    byte[] gap(byte[] previous, long position) {
        sha256.update(previous);
        sha256.update(GAP);
        number(position);
        return sha256.digest();
    }

    private void number(long value) {
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private void text(String value) {
        if (value == null) {
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha256.update(bytes);
    }
}
