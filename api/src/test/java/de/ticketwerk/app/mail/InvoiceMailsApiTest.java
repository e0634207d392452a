package de.ticketwerk.app.mail;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.Mails.Attachment;
import de.ticketwerk.app.support.Pdfs;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static de.ticketwerk.app.support.Mails.attachment;
import static de.ticketwerk.app.support.Mails.mailsTo;
import static de.ticketwerk.app.support.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-S4 (seed 003): example I1 issued sends the service report, then the invoice with its PDF and XRechnung, each to
 * the addresses chosen for it, once; its cancellation (I4) sends the cancellation invoice likewise.
 */
class InvoiceMailsApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anIssuedInvoiceSendsTheServiceReportThenTheInvoiceWithItsDocumentsAndACancellationLikewise()
            throws Exception {
        String finance = "buchhaltung-" + UUID.randomUUID() + "@kanzlei-rechnung.example";
        String office = "buero-" + UUID.randomUUID() + "@kanzlei-rechnung.example";
        Http.Response registered = http.post("/api/v1/customers", """
                {"name": "Kanzlei Rechnung", "federalState": "NW", "address": {"street": "Marktstraße 1",
                 "postalCode": "48143", "city": "Münster", "country": "DE"}, "vatId": "DE123456789",
                 "debtorNumber": "10042", "notifications": {"INVOICE": ["%s"], "SERVICE_REPORT": ["%s", "%s"]}}"""
                .formatted(finance, office, finance));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        UUID customer = UUID.fromString(registered.json().get("customerId").asString());
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", "
                + "\"hourlyRates\": {\"TECHNICIAN\": 95}");
        UUID ticket = openTicket(customer, "Server down");
        for (UUID entry : List.of(log(ticket, "2026-03-03T16:00", "2026-03-03T18:10", "ONSITE"),
                log(ticket, "2026-03-05T09:00", "2026-03-05T09:07", "REMOTE"))) {
            awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
        }
        awaitCaughtUpEverywhere();
        String invoiceId = draft(http, customer, "2026-03");
        issue(http, invoiceId, "2026-04-01");
        JsonNode invoice = awaitGet(http, "/api/v1/invoices/" + invoiceId,
                i -> i.get("status").asString().equals("ISSUED"));
        String number = invoice.get("number").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(finance).size() == 2
                && mailsTo(office).size() == 1);
        List<MimeMessage> toFinance = mailsTo(finance);
        MimeMessage report = toFinance.get(0);
        MimeMessage invoiceMail = toFinance.get(1);
        assertThat(report.getSubject()).as("the service report first")
                .isEqualTo("Ihr Leistungsnachweis " + invoice.get("serviceReportId").asString());
        Attachment reportPdf = attachment(report, "leistungsnachweis-" + invoice.get("serviceReportId").asString()
                + ".pdf");
        assertThat(Pdfs.text(reportPdf.content())).contains("265,21");
        assertThat(invoiceMail.getSubject()).isEqualTo("Ihre Rechnung " + number);
        assertThat(part(invoiceMail, "text/plain")).contains("Rechnungsbetrag: 343,86 € (netto 288,96 €)",
                "Fällig am:");
        Attachment pdf = attachment(invoiceMail, "rechnung-" + number + ".pdf");
        Attachment xml = attachment(invoiceMail, "rechnung-" + number + "-xrechnung.xml");
        assertThat(pdf.content()).as("the PDF as stored at issue").isEqualTo(
                http.get("/api/v1/invoices/" + invoiceId + "/documents/invoice.pdf").bytes());
        assertThat(new String(xml.content(), StandardCharsets.UTF_8)).contains(number, "343.86");
        assertThat(xml.contentType()).startsWith("application/xml");

        Http.Response cancelled = http.post("/api/v1/invoices/" + invoiceId + "/cancellation",
                "{\"reason\": \"Doppelt berechnet\"}");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(finance).size() == 3);
        MimeMessage cancellation = mailsTo(finance).get(2);
        assertThat(cancellation.getSubject()).startsWith("Stornorechnung ").endsWith(" zu Rechnung " + number);
        assertThat(part(cancellation, "text/plain")).contains("-343,86 €", "Grund:  Doppelt berechnet");
        Thread.sleep(1_500);
        assertThat(mailsTo(office)).as("the office chose the service report only").hasSize(1);
        assertThat(mailsTo(finance)).hasSize(3);
    }

    private UUID log(UUID ticket, String start, String end, String mode) {
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "%s", "technician": "tom"}"""
                .formatted(instant(start), instant(end), mode));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        return UUID.fromString(logged.json().get("entryId").asString());
    }

    private static String instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant().toString();
    }
}
