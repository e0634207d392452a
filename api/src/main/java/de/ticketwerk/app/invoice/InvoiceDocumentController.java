package de.ticketwerk.app.invoice;

import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.access.Allowed;
import de.ticketwerk.app.registry.InvoiceRegistry;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.app.web.NotYet;
import de.ticketwerk.documents.invoice.DocumentName;
import de.ticketwerk.documents.invoice.InvoiceDocuments;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.UUID;

/** An issued invoice's documents (R-I8), byte for byte as rendered at issue; the ETag is their SHA-256. */
@RestController
@RequestMapping(path = "/api/v1")
class InvoiceDocumentController {

    private final InvoiceQueries invoices;
    private final InvoiceRegistry registry;
    private final InvoiceDocuments documents;
    private final Duration renderingWait;

    InvoiceDocumentController(InvoiceQueries invoices, InvoiceRegistry registry, InvoiceDocuments documents,
                              @Value("${ticketwerk.documents.rendering-wait}") Duration renderingWait) {
        this.invoices = invoices;
        this.registry = registry;
        this.documents = documents;
        this.renderingWait = renderingWait;
    }

    /**
     * {@code document}: invoice.pdf (PDF/A-3 with ZUGFeRD inside), invoice-xrechnung.xml, service-report.pdf,
     * cancellation.pdf, cancellation-xrechnung.xml. Rendered within moments after the issue or cancellation: a request
     * in those moments waits for them (R-I8).
     */
    @GetMapping(path = "/invoices/{invoiceId}/documents/{document}",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_XML_VALUE})
    @Allowed.InvoiceReaders
    ResponseEntity<byte[]> download(@PathVariable UUID invoiceId,
                                    @PathVariable @Pattern(regexp = "[a-z-]{1,40}\\.(pdf|xml)") String document,
                                    Actor actor) {
        invoices.find(invoiceId, actor.scope()).orElseThrow(() -> new NotFound("no invoice " + invoiceId));
        DocumentName name = DocumentName.ofFileName(document)
                .orElseThrow(() -> new NotFound("no document " + document + " of an invoice"));
        InvoiceDocuments.Stored stored = documents.find(invoiceId, name)
                .orElseGet(() -> awaitRendering(invoiceId, name));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.mediaType()))
                .eTag("\"" + stored.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.number() + "-" + stored.name()).build().toString())
                .body(stored.content());
    }

    /** R-I8: a document asked for right after its issue is answered once it exists; a draft has none. */
    private InvoiceDocuments.Stored awaitRendering(UUID invoiceId, DocumentName name) {
        String status = registry.status(invoiceId).orElse("DRAFT");
        if (!name.follows(status)) {
            throw new NotFound("invoice " + invoiceId + " is " + status + ": its " + name.fileName()
                    + (name.follows("ISSUED") ? " follows its issue" : " follows its cancellation"));
        }
        if (documents.isSetAside(invoiceId)) {
            throw new NotYet("the documents of invoice " + invoiceId + " could not be rendered; the documents process "
                    + "set the invoice aside until an operator retries it (/api/v1/projections/documents/dead-letters)",
                    renderingWait);
        }
        return documents.awaitRendered(invoiceId, name, renderingWait).orElseThrow(() -> new NotYet("the "
                + name.fileName() + " of invoice " + invoiceId + " is not rendered yet: the documents process is "
                + "behind (see /actuator/health)", renderingWait));
    }
}
