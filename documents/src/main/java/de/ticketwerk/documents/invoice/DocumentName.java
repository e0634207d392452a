package de.ticketwerk.documents.invoice;

import java.util.Arrays;
import java.util.Optional;

/** The documents of an invoice (R-I8), by the name they are downloaded under. */
public enum DocumentName {
    INVOICE_PDF("invoice.pdf", "application/pdf"),
    INVOICE_XRECHNUNG("invoice-xrechnung.xml", "application/xml"),
    SERVICE_REPORT_PDF("service-report.pdf", "application/pdf"),
    CANCELLATION_PDF("cancellation.pdf", "application/pdf"),
    CANCELLATION_XRECHNUNG("cancellation-xrechnung.xml", "application/xml");

    private final String fileName;
    private final String mediaType;

    DocumentName(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether an invoice in this state (as the registry keeps it) has this document: after issue or cancellation. */
    public boolean follows(String invoiceStatus) {
        boolean cancellation = this == CANCELLATION_PDF || this == CANCELLATION_XRECHNUNG;
        return "CANCELLED".equals(invoiceStatus) || !cancellation && "ISSUED".equals(invoiceStatus);
    }

    public static Optional<DocumentName> ofFileName(String fileName) {
        return Arrays.stream(values()).filter(name -> name.fileName.equals(fileName)).findFirst();
    }
}
