package de.ticketwerk.documents.invoice;

import de.ticketwerk.documents.PdfDocuments;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders every issued invoice, its service report and every cancellation once (R-I8) and keeps the bytes with their
 * SHA-256 (R-I6). A process, not a read model: it never replays, and a document already stored stays as it is, so a
 * redelivered event after a crash changes nothing.
 */
@ProcessingGroup(InvoiceDocuments.PROCESSING_GROUP)
@DisallowReplay
public class InvoiceDocuments {

    public static final String PROCESSING_GROUP = "documents";
    private static final Duration RENDERING_POLL = Duration.ofMillis(50);

    /** A stored document: its bytes exactly as rendered at issue. */
    public record Stored(String name, String number, String mediaType, byte[] content, String sha256) {
    }

    /** Who is told, in the same transaction, that an issue's or a cancellation's documents are stored (R-S4). */
    public interface Listener {

        void issued(InvoiceIssued invoice, Stored pdf, Stored xrechnung, Stored serviceReport);

        void cancelled(InvoiceCancelled cancellation, Stored pdf, Stored xrechnung);
    }

    private final JdbcTemplate jdbc;
    private final PdfDocuments pdfs = new PdfDocuments();
    private final EInvoices eInvoices = new EInvoices();
    private final Listener listener;
    private final Clock clock;

    public InvoiceDocuments(JdbcTemplate jdbc, Listener listener, Clock clock) {
        this.jdbc = jdbc;
        this.listener = listener;
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceIssued e) {
        InvoiceDocument document = InvoiceDocument.of(e);
        listener.issued(e, store(e.invoiceId(), DocumentName.INVOICE_PDF, e.number(),
                        eInvoices.withZugferd(pdf("invoice", document), document)),
                store(e.invoiceId(), DocumentName.INVOICE_XRECHNUNG, e.number(), eInvoices.xrechnung(document)),
                store(e.invoiceId(), DocumentName.SERVICE_REPORT_PDF, e.serviceReportId(),
                        pdf("service-report", document)));
    }

    @EventHandler
    void on(InvoiceCancelled e) {
        InvoiceDocument document = InvoiceDocument.of(e);
        listener.cancelled(e, store(e.invoiceId(), DocumentName.CANCELLATION_PDF, e.number(),
                        eInvoices.withZugferd(pdf("invoice", document), document)),
                store(e.invoiceId(), DocumentName.CANCELLATION_XRECHNUNG, e.number(), eInvoices.xrechnung(document)));
    }

    public Optional<Stored> find(UUID invoiceId, DocumentName name) {
        return jdbc.query("""
                        SELECT name, number, media_type, content, sha256 FROM invoice_document
                        WHERE invoice_id = ? AND name = ?""",
                (rs, n) -> new Stored(rs.getString("name"), rs.getString("number"), rs.getString("media_type"),
                        rs.getBytes("content"), rs.getString("sha256")), invoiceId, name.fileName())
                .stream().findFirst();
    }

    /** Whether this process has set the invoice's event aside: a dead letter that an operator retries. */
    public boolean isSetAside(UUID invoiceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM dead_letter_entry
                               WHERE processing_group = ? AND aggregate_identifier = ?)""",
                Boolean.class, PROCESSING_GROUP, invoiceId.toString()));
    }

    /** The document once the documents process has stored it, looked for until {@code bound} has passed. */
    public Optional<Stored> awaitRendered(UUID invoiceId, DocumentName name, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Optional<Stored> stored = find(invoiceId, name);
        while (stored.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(RENDERING_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            stored = find(invoiceId, name);
        }
        return stored;
    }

    private byte[] pdf(String template, InvoiceDocument document) {
        return pdfs.render(template, Map.of("doc", document));
    }

    /** @return the document as stored: the one stored before, if any (a document is never replaced) */
    private Stored store(UUID invoiceId, DocumentName name, String number, byte[] content) {
        jdbc.update("""
                        INSERT INTO invoice_document (invoice_id, name, number, media_type, content, sha256, rendered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invoice_id, name) DO NOTHING""",
                invoiceId, name.fileName(), number, name.mediaType(), content, sha256(content),
                Timestamp.from(clock.instant()));
        return find(invoiceId, name).orElseThrow();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
