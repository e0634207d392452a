package de.ticketwerk.app.invoice;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.Pdfs;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: what the text rule accepts is safe in every output it reaches. A customer whose name, street and city,
 * and an entry whose reason, carry every class of accepted character (XML's specials, a formula, a right-to-left
 * override, a byte order mark, private use, a combining mark, an emoji) is invoiced and stated: the e-invoices pass
 * EN 16931 and XRechnung, the PDFs are PDF/A-3b and show the text, the CSV shows it as text.
 */
class TextEverywhereApiTest extends ApiTest {

    private static final String TEXT = "<Müller & Söhne> \\\"=1+2\\\" \\u202Eabc\\u202C \\uFEFF\\uE000 e\\u0301 \\uD83D\\uDE00";
    private static final String SHOWN = "Müller & Söhne";

    @Test
    void everyAcceptedCharacterReachesEveryDocumentSafely() throws Exception {
        Http.Response created = http.post("/api/v1/customers", """
                {"name": "Kanzlei %s", "federalState": "NW", "address": {"street": "Markt %s", "postalCode": "48143",
                 "city": "Münster %s"}, "vatId": "DE123456789", "debtorNumber": "10043",
                 "reportEmails": ["kanzlei@text.example"]}""".formatted(TEXT, TEXT, TEXT));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID customer = UUID.fromString(created.json().get("customerId").asString());
        UUID contract = concludeContract(customer, """
                "type": "QUOTA", "startDate": "2026-01-01", "monthlyFee": 149.00, "minuteExact": true,
                "hourlyRates": {"TECHNICIAN": 96.00}, "quota": {"allotmentMinutes": 600, "period": "CONTRACT_YEAR",
                "expiry": "PERIOD_END", "settlement": "CONTRACT_YEAR", "overageRate": 96.00}""");
        UUID ticket = openTicket(customer, "Text");
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "2026-03-03T09:00:00Z", "end": "2026-03-03T10:00:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE", "billable": false, "nonBillableReason": "%s"}""".formatted(TEXT));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        awaitPricing(UUID.fromString(logged.json().get("entryId").asString()), p -> true);
        awaitCaughtUpEverywhere();

        String invoice = draft(http, customer, "2026-03");
        issue(http, invoice, "2026-04-01");

        for (String name : new String[]{"invoice.pdf", "invoice-xrechnung.xml"}) {
            byte[] document = document(invoice, name);
            ZUGFeRDValidator validator = new ZUGFeRDValidator();
            String report = validator.validate(document, name);
            assertThat(validator.wasCompletelyValid()).as(name + ": " + report).isTrue();
        }
        assertThat(Pdfs.text(document(invoice, "invoice.pdf"))).contains(SHOWN);
        byte[] serviceReport = document(invoice, "service-report.pdf");
        Pdfs.assertPdfA3b(serviceReport, "service-report.pdf");
        assertThat(Pdfs.text(serviceReport)).contains(SHOWN);

        byte[] statement = http.send("GET", "/api/v1/contracts/" + contract + "/statements/annual/2026", null,
                Http.ACTOR, "application/pdf").bytes();
        Pdfs.assertPdfA3b(statement, "jahresaufstellung-2026.pdf");
        String csv = http.send("GET", "/api/v1/contracts/" + contract + "/statements/annual/2026", null,
                Http.ACTOR, "text/csv").text();
        assertThat(csv).contains(";\"<Müller & Söhne> \"\"=1+2\"\"");
    }

    private byte[] document(String invoice, String name) {
        return document(http, invoice, name).bytes();
    }
}
