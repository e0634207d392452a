package de.ticketwerk.app.invoice;

import de.ticketwerk.app.processing.ProcessingConfiguration;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
        // R-I8: the work in German words, the same in the JSON, the PDF and the e-invoice's item name
        JsonNode line = http.get("/api/v1/invoices/" + issued.invoiceId()).json().get("lines").get(0);
        assertThat(line.get("kind").asString()).isEqualTo("WORK");
        assertThat(line.get("description").asString())
                .isEqualTo("Arbeitszeit: Remote-Support, Techniker, vor Ort, 2:30 h");
        assertThat(text).contains("Techniker, vor Ort", "Techniker, remote").doesNotContain("TECHNICIAN", "ONSITE",
                "REMOTE_SUPPORT");

        Http.Response xml = document(issued.invoiceId(), "invoice-xrechnung.xml");
        assertThat(xml.contentType()).startsWith("application/xml");
        assertValid(xml.bytes(), "invoice-xrechnung.xml");
        assertThat(xml.text()).contains(issued.number(), "<ram:GrandTotalAmount>343.86</ram:GrandTotalAmount>",
                "<ram:TypeCode>380</ram:TypeCode>",
                "<ram:Name>Arbeitszeit: Remote-Support, Techniker, vor Ort, 2:30 h</ram:Name>");
        assertThat(xml.text()).doesNotContain("TECHNICIAN", "ONSITE");

        byte[] serviceReport = document(issued.invoiceId(), "service-report.pdf").bytes();
        assertPdfA3b(serviceReport, "service-report.pdf");
        String report = text(serviceReport);
        assertThat(report).contains("Leistungsnachweis " + issued.serviceReportId(), "2:10 h", "2:30 h", "0:07 h",
                "nicht berechnet: goodwill", "265,21 €", "Techniker, vor Ort", "Techniker, remote");
        assertThat(report).as("each entry's ticket by its number (R-S1)")
                .contains("03.03.2026 " + issued.ticketNumber() + " Remote-Support, Techniker, vor Ort");
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
                "its cancellation.pdf follows its cancellation");
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

    @Test
    void aDocumentAskedForRightAfterTheIssueIsAnsweredOnceItIsRendered() throws Exception {
        UUID customer = registerCustomer("Kanzlei Eilig", "NW");
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");
        UUID entry = log(openTicket(customer, "Gleich"), "2026-03-05T09:00", "2026-03-05T09:07", "REMOTE", "");
        awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
        awaitCaughtUpEverywhere();
        String invoiceId = draft(http, customer, "2026-03");
        long started = System.nanoTime();
        assertThat(http.get("/api/v1/invoices/" + invoiceId + "/documents/invoice.pdf").status())
                .as("a draft has no documents, at once").isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        Http.Response pdf;
        try (Connection blocker = owner().getDataSource().getConnection();
             Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // the documents process cannot store while this lock is held; reading goes on
            statement.execute("LOCK TABLE invoice_document IN EXCLUSIVE MODE");
            issue(http, invoiceId, "2026-04-01");
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1_500);
                    blocker.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            pdf = http.get("/api/v1/invoices/" + invoiceId + "/documents/invoice.pdf");
            release.get();
        }

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(http.get("/api/v1/invoices/" + invoiceId + "/documents/cancellation.pdf").status())
                .as("an issued invoice has no cancellation").isEqualTo(404);
    }

    record Issued(UUID invoiceId, String number, String serviceReportId, String ticketNumber) {
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
                view.get("serviceReportId").asString(),
                ticketNumber(ticket));
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
