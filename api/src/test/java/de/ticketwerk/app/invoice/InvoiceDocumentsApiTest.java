package de.ticketwerk.app.invoice;

import de.ticketwerk.app.processing.ProcessingConfiguration;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

import static de.ticketwerk.app.support.Pdfs.assertPdfA3b;
import static de.ticketwerk.app.support.Pdfs.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-I8: every issued invoice and cancellation as a PDF/A-3 with ZUGFeRD inside and as XRechnung, and its service
 * report as a PDF; each valid by Mustang's validator (schema, EN 16931 and XRechnung rules, PDF/A-3), read back byte
 * for byte with the SHA-256 it was stored with.
 */
class InvoiceDocumentsApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anIssuedInvoiceHasAValidHybridPdfAXRechnungAndAServiceReport() throws Exception {
        Issued issued = issuedMarchInvoice();

        Http.Response pdf = document(issued.invoiceId(), "invoice.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertValid(pdf.bytes(), "invoice.pdf");
        String text = text(pdf.bytes());
        assertThat(text).contains("Rechnung " + issued.number(), "Test IT-Service GmbH", "Kanzlei Dokument",
                "Leistungsnachweis", issued.serviceReportId(), "01.04.2026", "15.04.2026", "265,21 €", "23,75 €",
                "288,96 €", "54,90 €", "343,86 €", "März 2026", "DE811907980");

        Http.Response xml = document(issued.invoiceId(), "invoice-xrechnung.xml");
        assertThat(xml.contentType()).startsWith("application/xml");
        assertValid(xml.bytes(), "invoice-xrechnung.xml");
        assertThat(xml.text()).contains(issued.number(), "<ram:GrandTotalAmount>343.86</ram:GrandTotalAmount>",
                "<ram:TypeCode>380</ram:TypeCode>");

        byte[] serviceReport = document(issued.invoiceId(), "service-report.pdf").bytes();
        assertPdfA3b(serviceReport, "service-report.pdf");
        String report = text(serviceReport);
        assertThat(report).contains("Leistungsnachweis " + issued.serviceReportId(), "2:10 h", "2:30 h", "0:07 h",
                "nicht berechnet: goodwill", "265,21 €", "Techniker, vor Ort", "Techniker, remote");
        assertThat(report).doesNotContain("TECHNICIAN");
    }

    @Test
    void aCancellationIsACreditNoteReferringToTheOriginal() throws Exception {
        Issued issued = issuedMarchInvoice();
        Http.Response cancelled = http.post("/api/v1/invoices/" + issued.invoiceId() + "/cancellation",
                "{\"reason\": \"Wrong address\", \"date\": \"2026-04-10\"}");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        String number = cancelled.json().get("number").asString();

        Http.Response xml = document(issued.invoiceId(), "cancellation-xrechnung.xml");
        assertValid(xml.bytes(), "cancellation-xrechnung.xml");
        assertThat(xml.text()).contains("<ram:TypeCode>381</ram:TypeCode>", number, issued.number(),
                "<ram:GrandTotalAmount>343.86</ram:GrandTotalAmount>");
        Http.Response pdf = document(issued.invoiceId(), "cancellation.pdf");
        assertValid(pdf.bytes(), "cancellation.pdf");
        assertThat(text(pdf.bytes())).contains("Stornorechnung " + number, "Rechnung " + issued.number(),
                "-343,86 €");
    }

    @Test
    void aDocumentIsReadBackByteForByteWithItsHash() throws Exception {
        Issued issued = issuedMarchInvoice();
        Http.Response first = document(issued.invoiceId(), "invoice.pdf");

        Http.Response again = http.get("/api/v1/invoices/" + issued.invoiceId() + "/documents/invoice.pdf");

        assertThat(again.bytes()).isEqualTo(first.bytes());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first.bytes()));
        assertThat(again.header("ETag")).isEqualTo("\"" + sha256 + "\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice_document WHERE invoice_id = ?", Integer.class,
                issued.invoiceId())).as("three documents, each once").isEqualTo(3);
        assertProblem(http.get("/api/v1/invoices/" + issued.invoiceId() + "/documents/cancellation.pdf"), 404,
                "has no cancellation.pdf");
        assertProblem(http.get("/api/v1/invoices/" + issued.invoiceId() + "/documents/secret.pdf"), 404,
                "no document");
        assertThat(http.get("/api/v1/invoices/" + issued.invoiceId() + "/documents/secret.txt").status())
                .isEqualTo(400);
    }

    @Test
    void aRebuildOfEveryReadModelLeavesTheDocumentsAsIssued() {
        Issued issued = issuedMarchInvoice();
        byte[] pdf = document(issued.invoiceId(), "invoice.pdf").bytes();
        byte[] xml = document(issued.invoiceId(), "invoice-xrechnung.xml").bytes();

        for (String readModel : ProcessingConfiguration.READ_MODELS) {
            Http.Response rebuild = http.post("/api/v1/projections/" + readModel + "/rebuild", null);
            assertThat(rebuild.status()).as(readModel + ": " + rebuild.text()).isEqualTo(202);
        }
        awaitCaughtUpEverywhere();

        awaitGet(http, "/api/v1/invoices/" + issued.invoiceId(), i -> i.get("status").asString().equals("ISSUED"));
        assertThat(document(issued.invoiceId(), "invoice.pdf").bytes()).isEqualTo(pdf);
        assertThat(document(issued.invoiceId(), "invoice-xrechnung.xml").bytes()).isEqualTo(xml);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM invoice_document WHERE invoice_id = ?", Integer.class,
                issued.invoiceId())).as("nothing rendered again").isEqualTo(3);
    }

    record Issued(UUID invoiceId, String number, String serviceReportId) {
    }

    /** I1 for a new customer, with a goodwill entry for the service report, issued on 2026-04-01. */
    private Issued issuedMarchInvoice() {
        UUID customer = registerCustomer("Kanzlei Dokument", "NW");
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", "
                + "\"hourlyRates\": {\"TECHNICIAN\": 95}");
        UUID ticket = openTicket(customer, "Server down");
        UUID s5 = log(ticket, "2026-03-03T16:00", "2026-03-03T18:10", "ONSITE", "");
        UUID b1 = log(ticket, "2026-03-05T09:00", "2026-03-05T09:07", "REMOTE", "");
        UUID goodwill = log(ticket, "2026-03-06T10:00", "2026-03-06T10:30", "REMOTE",
                ", \"billable\": false, \"nonBillableReason\": \"goodwill\"");
        for (UUID entry : new UUID[]{s5, b1, goodwill}) {
            awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
        }
        awaitCaughtUpEverywhere();
        String invoiceId = draft(http, customer, "2026-03");
        issue(http, invoiceId, "2026-04-01");
        JsonNode view = awaitGet(http, "/api/v1/invoices/" + invoiceId, i -> i.get("status").asString().equals("ISSUED"));
        return new Issued(UUID.fromString(invoiceId), view.get("number").asString(),
                view.get("serviceReportId").asString());
    }

    private UUID log(UUID ticket, String start, String end, String mode, String more) {
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "%s", "technician": "tom"%s}"""
                .formatted(instant(start), instant(end), mode, more));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        return UUID.fromString(logged.json().get("entryId").asString());
    }

    private Http.Response document(UUID invoiceId, String name) {
        return document(http, invoiceId, name);
    }

    private static void assertValid(byte[] content, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(content, name);
        assertThat(validator.wasCompletelyValid()).as(name + ": " + report).isTrue();
    }

    private static String instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant().toString();
    }
}
