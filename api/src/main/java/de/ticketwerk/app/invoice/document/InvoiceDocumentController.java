package de.ticketwerk.app.invoice.document;

import de.ticketwerk.app.access.Actor;
import de.ticketwerk.app.access.Allowed;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.projections.invoice.InvoiceQueries;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** An issued invoice's documents (R-I8), byte for byte as rendered at issue; the ETag is their SHA-256. */
@RestController
@RequestMapping(path = "/api/v1")
class InvoiceDocumentController {

    private final InvoiceQueries invoices;
    private final InvoiceDocuments documents;

    InvoiceDocumentController(InvoiceQueries invoices, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.documents = documents;
    }

    /**
     * {@code document}: invoice.pdf (PDF/A-3 with ZUGFeRD inside), invoice-xrechnung.xml, service-report.pdf,
     * cancellation.pdf, cancellation-xrechnung.xml. Rendered within moments after the issue or cancellation.
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
        InvoiceDocuments.Stored stored = documents.find(invoiceId, name).orElseThrow(() -> new NotFound(
                "invoice " + invoiceId + " has no " + document + " (yet: documents follow an issue within moments)"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.mediaType()))
                .eTag("\"" + stored.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.number() + "-" + stored.name()).build().toString())
                .body(stored.content());
    }
}
