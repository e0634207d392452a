package de.ticketwerk.app.mail;

import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.documents.Download;
import de.ticketwerk.documents.invoice.InvoiceDocuments;
import de.ticketwerk.documents.invoice.InvoiceDocuments.Stored;
import de.ticketwerk.documents.mail.MailBodies;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;

import java.util.List;

/**
 * R-S4 (seed 003): when an invoice's documents are stored, the service report goes to the addresses chosen for
 * SERVICE_REPORT, then the invoice with its PDF and XRechnung to those chosen for INVOICE; a cancellation likewise.
 * Put in the outbox in the documents' own transaction, so once with them; the documents process never replays.
 */
public class InvoiceMails implements InvoiceDocuments.Listener {

    private final Notifications notifications;
    private final MailBodies bodies;
    private final String sender;

    public InvoiceMails(Notifications notifications, MailBodies bodies, String sender) {
        this.notifications = notifications;
        this.bodies = bodies;
        this.sender = sender;
    }

    @Override
    public void issued(InvoiceIssued invoice, Stored pdf, Stored xrechnung, Stored serviceReport) {
        notifications.send(invoice.customerId(), null, NotificationKind.SERVICE_REPORT,
                "service-report:" + invoice.invoiceId(),
                () -> bodies.serviceReport(new MailBodies.ServiceReport(invoice.serviceReportId(), invoice.month()),
                        sender),
                () -> List.of(file("leistungsnachweis-" + invoice.serviceReportId() + ".pdf", serviceReport)));
        notifications.send(invoice.customerId(), null, NotificationKind.INVOICE, "invoice:" + invoice.invoiceId(),
                () -> bodies.invoice(new MailBodies.Invoice(invoice.number(), invoice.issueDate(),
                        invoice.dueDate(), invoice.month(), invoice.totals().net(), invoice.totals().gross()), sender),
                () -> List.of(file("rechnung-" + invoice.number() + ".pdf", pdf),
                        file("rechnung-" + invoice.number() + "-xrechnung.xml", xrechnung)));
    }

    @Override
    public void cancelled(InvoiceCancelled cancellation, Stored pdf, Stored xrechnung) {
        notifications.send(cancellation.customerId(), null, NotificationKind.INVOICE,
                "cancellation:" + cancellation.invoiceId(),
                () -> bodies.cancellation(new MailBodies.Cancellation(cancellation.number(),
                        cancellation.cancelledNumber(), cancellation.date(), cancellation.totals().gross(),
                        cancellation.reason()), sender),
                () -> List.of(file("stornorechnung-" + cancellation.number() + ".pdf", pdf),
                        file("stornorechnung-" + cancellation.number() + "-xrechnung.xml", xrechnung)));
    }

    private static Download file(String name, Stored stored) {
        return new Download(name, stored.mediaType(), stored.content());
    }
}
