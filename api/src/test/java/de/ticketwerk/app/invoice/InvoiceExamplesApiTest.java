package de.ticketwerk.app.invoice;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.app.support.WorkDays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md's invoice examples I1…I6 through REST, with their exact cents, and the numbers' rules (R-I5):
 * gapless under concurrent issues, none taken by a failed issue. Other tests share the database and issue invoices
 * of 2026 too, so numbers are checked relative to the first one a test takes.
 */
class InvoiceExamplesApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void i1MarchInvoiceOfAnHourlyContract() {
        March march = hourlyMarch();

        JsonNode draft = runAndRead("2026-03", march.customer());

        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("number").isNull()).as("a draft has no number").isTrue();
        assertThat(nets(draft.get("lines"))).containsExactly(new BigDecimal("265.21"), new BigDecimal("23.75"));
        assertTotals(draft.get("totals"), "288.96", "54.90", "343.86");
        assertThat(draft.get("totals").get("perRate").get(0).get("vatPercent").decimalValue())
                .isEqualByComparingTo("19");
        JsonNode report = draft.get("serviceReport");
        assertThat(report).as("the service report lists both").hasSize(2);
        assertThat(report.get(0).get("entryId").asString()).isEqualTo(march.s5().toString());
        assertThat(report.get(0).get("rawMinutes").asLong()).isEqualTo(130);
        assertThat(report.get(0).get("billedMinutes").asLong()).isEqualTo(150);
        assertThat(report.get(1).get("entryId").asString()).isEqualTo(march.b1().toString());
        assertThat(report.get(1).get("net").decimalValue()).isEqualTo("23.75");
    }

    @Test
    void aSecondRunOfTheMonthAddsNothing() {
        March march = hourlyMarch();
        JsonNode first = runAndRead("2026-03", march.customer());
        awaitCaughtUpEverywhere();
        long events = eventCount();

        JsonNode again = run("2026-03", march.customer());

        assertThat(again.get("drafts").get(0).get("invoiceId").asString()).isEqualTo(first.get("invoiceId").asString());
        assertThat(eventCount()).as("the same draft again stores nothing").isEqualTo(events);
        String number = issue(first.get("invoiceId").asString(), "2026-04-01");
        events = eventCount();
        run("2026-03", march.customer());
        assertThat(eventCount()).as("an issued month is not drafted again").isEqualTo(events);
        assertThat(number).matches("2026-\\d{5}");
    }

    @Test
    void i2TheInvoiceDatedTheFirstOfAprilCarriesAprilsFee() {
        UUID customer = registerCustomer("Kanzlei Pauschale", "NW");
        UUID contract = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-04-01\", "
                + "\"monthlyFee\": 149.00");
        awaitContract(contract, c -> true);

        JsonNode march = runAndRead("2026-03", customer);

        assertThat(march.get("lines")).hasSize(1);
        JsonNode fee = march.get("lines").get(0);
        assertThat(fee.get("kind").asString()).isEqualTo("FEE");
        assertThat(fee.get("serviceDate").asString()).isEqualTo("2026-04-01");
        assertThat(fee.get("net").decimalValue()).isEqualTo("149.00");
        assertTotals(march.get("totals"), "149.00", "28.31", "177.31");
        issue(march.get("invoiceId").asString(), "2026-04-01");
        JsonNode april = runAndRead("2026-04", customer);
        assertThat(april.get("lines")).as("April's fee once, then May's").hasSize(1);
        assertThat(april.get("lines").get(0).get("serviceDate").asString()).isEqualTo("2026-05-01");
        assertThat(april.get("lines").get(0).get("net").decimalValue()).isEqualTo("149.00");
    }

    @Test
    void aFeePaidByStandingOrderIsOnNoInvoice() {
        UUID customer = registerCustomer("Kanzlei Dauerauftrag", "NW");
        UUID contract = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-04-01\", "
                + "\"monthlyFee\": 149.00, \"feePayment\": \"STANDING_ORDER\"");
        assertThat(awaitContract(contract, c -> true).get("terms").get("feePayment").asString())
                .isEqualTo("STANDING_ORDER");

        assertThat(run("2026-04", customer).get("drafts")).isEmpty();
    }

    @Test
    void i3AprilsRunBillsTheOverageSettledAtTheEndOfApril() {
        UUID customer = registerCustomer("Kanzlei Kontingent", "NW");
        UUID contract = concludeContract(customer, """
                "type": "QUOTA", "startDate": "2026-04-01", "monthlyFee": 0, "minuteExact": true,
                "hourlyRates": {"TECHNICIAN": 90.00}, "quota": {"allotmentMinutes": 600, "period": "MONTH",
                "expiry": "NEVER", "settlement": "MONTHLY", "overageRate": 90.00}""");
        UUID ticket = openTicket(customer, "Support");
        WorkDays.spread(2026, 4, 750).forEach(work -> WorkDays.log(http, ticket, work));
        awaitGet(http, "/api/v1/contracts/" + contract + "/quota?asOf=2026-04-30",
                q -> q.get("settled").asLong() == 150);

        JsonNode april = runAndRead("2026-04", customer);

        assertThat(april.get("lines")).hasSize(1);
        JsonNode overage = april.get("lines").get(0);
        assertThat(overage.get("kind").asString()).isEqualTo("OVERAGE");
        assertThat(overage.get("billedMinutes").asLong()).isEqualTo(150);
        assertThat(overage.get("serviceDate").asString()).isEqualTo("2026-04-30");
        assertTotals(april.get("totals"), "225.00", "42.75", "267.75");
    }

    @Test
    void i4CancellationNegatesEveryLineAndTheNextInvoiceTakesTheNextNumber() {
        March march = hourlyMarch();
        String invoiceId = runAndRead("2026-03", march.customer()).get("invoiceId").asString();
        String original = issue(invoiceId, "2026-04-01");

        Http.Response cancelled = http.post("/api/v1/invoices/" + invoiceId + "/cancellation",
                "{\"reason\": \"Wrong customer address\", \"date\": \"2026-04-10\"}");

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        String cancellation = cancelled.json().get("number").asString();
        assertThat(cancellation).isEqualTo(next(original, 1));
        JsonNode view = awaitGet(http, "/api/v1/invoices/" + invoiceId,
                i -> i.get("status").asString().equals("CANCELLED"));
        assertThat(view.get("number").asString()).as("the original keeps its number").isEqualTo(original);
        JsonNode parties = view.get("parties");
        assertThat(parties.get("seller").get("name").asString()).isEqualTo("Test IT-Service GmbH");
        assertThat(parties.get("seller").get("vatId").asString()).isEqualTo("DE811907980");
        assertThat(parties.get("buyer").get("name").asString()).isEqualTo("Kanzlei Rechnung");
        assertThat(parties.get("buyer").get("address").get("city").asString()).isEqualTo("Münster");
        assertThat(parties.get("payTo").get("iban").asString()).isEqualTo("DE02120300000000202051");
        assertTotals(view.get("totals"), "288.96", "54.90", "343.86");
        JsonNode storno = view.get("cancellation");
        assertThat(storno.get("number").asString()).isEqualTo(cancellation);
        assertThat(storno.get("cancels").asString()).isEqualTo(original);
        assertThat(storno.get("cancelsIssueDate").asString()).isEqualTo("2026-04-01");
        assertThat(nets(storno.get("lines"))).containsExactly(new BigDecimal("-265.21"), new BigDecimal("-23.75"));
        assertTotals(storno.get("totals"), "-288.96", "-54.90", "-343.86");

        JsonNode again = runAndRead("2026-03", march.customer());
        assertThat(again.get("invoiceId").asString()).as("a new invoice for the month").isNotEqualTo(invoiceId);
        assertThat(nets(again.get("lines"))).as("its work is billable again")
                .containsExactly(new BigDecimal("265.21"), new BigDecimal("23.75"));
        assertThat(issue(again.get("invoiceId").asString(), "2026-04-10")).isEqualTo(next(original, 2));
        assertProblem(http.post("/api/v1/invoices/" + invoiceId + "/cancellation", "{\"reason\": \"Twice\"}"), 409,
                "only an issued invoice is cancelled");
    }

    @Test
    void i5ACorrectionAfterIssueBecomesACorrectionLineInTheNextRun() {
        March march = hourlyMarch();
        String marchInvoice = runAndRead("2026-03", march.customer()).get("invoiceId").asString();
        String number = issue(marchInvoice, "2026-04-01");

        Http.Response corrected = http.put("/api/v1/tickets/" + march.ticket() + "/time-entries/" + march.s5(), """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "ONSITE", "technician": "tom",
                 "reason": "Left at 17:50"}""".formatted(instant("2026-03-03T16:00"), instant("2026-03-03T17:50")));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        awaitPricing(march.s5(), p -> p.get("current").get("netAmount").decimalValue()
                .compareTo(new BigDecimal("209.79")) == 0);

        JsonNode april = runAndRead("2026-04", march.customer());

        assertThat(april.get("lines")).hasSize(1);
        JsonNode line = april.get("lines").get(0);
        assertThat(line.get("kind").asString()).isEqualTo("CORRECTION");
        assertThat(line.get("net").decimalValue()).isEqualTo("-55.42");
        assertThat(line.get("corrects").asString()).isEqualTo(number);
        assertThat(line.get("entryId").asString()).isEqualTo(march.s5().toString());
        JsonNode original = http.get("/api/v1/invoices/" + marchInvoice).json();
        assertThat(nets(original.get("lines"))).as("the issued invoice is unchanged")
                .containsExactly(new BigDecimal("265.21"), new BigDecimal("23.75"));
        assertTotals(original.get("totals"), "288.96", "54.90", "343.86");
    }

    @Test
    void i6NonBillableWorkIsOnTheServiceReportWithItsReasonAndOnNoInvoice() {
        UUID customer = hourlyCustomer();
        UUID ticket = openTicket(customer, "Goodwill");
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE", "technician": "tom",
                 "billable": false, "nonBillableReason": "goodwill"}""".formatted(instant("2026-03-10T10:00"),
                instant("2026-03-10T10:30")));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        UUID goodwill = UUID.fromString(logged.json().get("entryId").asString());
        awaitPricing(goodwill, p -> p.get("status").asString().equals("PRICED"));
        UUID paid = logOn(ticket, "2026-03-10T11:00", "2026-03-10T11:07", "REMOTE");
        awaitPricing(paid, p -> p.get("status").asString().equals("PRICED"));

        JsonNode draft = runAndRead("2026-03", customer);

        assertThat(draft.get("lines")).hasSize(1);
        assertThat(draft.get("lines").get(0).get("entryId").asString()).isEqualTo(paid.toString());
        JsonNode report = draft.get("serviceReport");
        assertThat(report).as("the service report lists both").hasSize(2);
        JsonNode listed = report.valueStream().filter(e -> e.get("entryId").asString().equals(goodwill.toString()))
                .findFirst().orElseThrow();
        assertThat(listed.get("settlement").asString()).isEqualTo("NOT_BILLABLE");
        assertThat(listed.get("nonBillableReason").asString()).isEqualTo("goodwill");
        assertThat(listed.get("rawMinutes").asLong()).isEqualTo(30);
    }

    @Test
    void aHeldBackEntryLeavesTheDraftAndIsOrdinaryWorkOnTheNextMonthsRun() {
        March march = hourlyMarch();
        String invoiceId = runAndRead("2026-03", march.customer()).get("invoiceId").asString();

        Http.Response held = http.post("/api/v1/invoices/" + invoiceId + "/held-back-entries",
                "{\"entryId\": \"%s\", \"reason\": \"Customer disputes the call\"}".formatted(march.b1()));
        assertThat(held.status()).as(held.text()).isEqualTo(200);
        run("2026-03", march.customer());

        JsonNode draft = awaitGet(http, "/api/v1/invoices/" + invoiceId, i -> i.get("heldBack").size() == 1);
        assertThat(nets(draft.get("lines"))).containsExactly(new BigDecimal("265.21"));
        assertThat(draft.get("heldBack").get(0).get("reason").asString()).isEqualTo("Customer disputes the call");
        String number = issue(invoiceId, "2026-04-01");
        UUID late = logOn(march.ticket(), "2026-03-06T09:00", "2026-03-06T09:07", "REMOTE");
        awaitPricing(late, p -> p.get("status").asString().equals("PRICED"));
        JsonNode april = runAndRead("2026-04", march.customer());

        assertThat(nets(april.get("lines"))).as("the next run carries it, and the late entry")
                .containsExactly(new BigDecimal("23.75"), new BigDecimal("23.75"));
        JsonNode carried = april.get("lines").get(0);
        assertThat(carried.get("entryId").asString()).isEqualTo(march.b1().toString());
        assertThat(carried.get("kind").asString()).as("R-I2: ordinary work, no invoice charged it").isEqualTo("WORK");
        assertThat(carried.path("corrects").isNull() || carried.path("corrects").isMissingNode())
                .as("corrects no invoice").isTrue();
        assertThat(carried.get("previouslyInvoiced").decimalValue()).isEqualByComparingTo("0");
        assertThat(carried.get("serviceDate").asString()).as("its own work date").isEqualTo("2026-03-05");
        JsonNode logLate = april.get("lines").get(1);
        assertThat(logLate.get("entryId").asString()).isEqualTo(late.toString());
        assertThat(logLate.get("kind").asString()).as("R-I6: late work of an invoiced month").isEqualTo("CORRECTION");
        assertThat(logLate.get("corrects").asString()).isEqualTo(number);
    }

    @Test
    void twentyConcurrentIssuesTakeTwentyConsecutiveNumbers() throws Exception {
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID customer = hourlyCustomer();
            UUID entry = logOn(openTicket(customer, "Printer " + i), "2026-03-12T09:00", "2026-03-12T09:07", "REMOTE");
            awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
            awaitCaughtUpEverywhere();
            invoices.add(run("2026-03", customer).get("drafts").get(0).get("invoiceId").asString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try {
            for (String invoice : invoices) {
                Callable<Http.Response> issue = () -> http.post("/api/v1/invoices/" + invoice + "/issue",
                        "{\"issueDate\": \"2026-04-01\"}");
                answers.add(pool.submit(issue));
            }
            List<Integer> sequences = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                Http.Response response = answer.get();
                assertThat(response.status()).as(response.text()).isEqualTo(200);
                sequences.add(Integer.parseInt(response.json().get("number").asString().substring(5)));
            }
            int first = sequences.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(sequences).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(first, first + 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedIssueTakesNoNumber() {
        March march = hourlyMarch();
        String invoiceId = runAndRead("2026-03", march.customer()).get("invoiceId").asString();
        String number = issue(invoiceId, "2026-04-01");

        assertProblem(http.post("/api/v1/invoices/" + invoiceId + "/issue", "{\"issueDate\": \"2026-04-01\"}"), 409,
                "only a draft is issued");
        assertProblem(http.post("/api/v1/invoices/" + UUID.randomUUID() + "/issue", "{}"), 404, "");

        March other = hourlyMarch();
        String next = issue(runAndRead("2026-03", other.customer()).get("invoiceId").asString(), "2026-04-01");
        assertThat(next).isEqualTo(next(number, 1));
    }

    @Test
    void anInvoiceIsNotIssuedWhileTheCustomersAddressIsIncompleteAndTakesNoNumber() {
        Http.Response registered = http.post("/api/v1/customers", """
                {"name": "Kanzlei ohne Anschrift", "federalState": "NW", "address": {"city": "Münster"}}""");
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        UUID customer = UUID.fromString(registered.json().get("customerId").asString());
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", "
                + "\"hourlyRates\": {\"TECHNICIAN\": 95}");
        UUID entry = logOn(openTicket(customer, "Drucker"), "2026-03-05T09:00", "2026-03-05T09:07", "REMOTE");
        awaitPricing(entry, p -> p.get("status").asString().equals("PRICED"));
        String invoiceId = runAndRead("2026-03", customer).get("invoiceId").asString();
        String before = issue(runAndRead("2026-03", hourlyMarch().customer()).get("invoiceId").asString(),
                "2026-04-01");

        Http.Response refused = http.post("/api/v1/invoices/" + invoiceId + "/issue",
                "{\"issueDate\": \"2026-04-01\"}");

        assertProblem(refused, 422, "lacks street, postalCode; complete the customer");
        assertThat(http.get("/api/v1/invoices/" + invoiceId).json().get("status").asString()).isEqualTo("DRAFT");
        String after = issue(runAndRead("2026-03", hourlyMarch().customer()).get("invoiceId").asString(),
                "2026-04-01");
        assertThat(after).as("the refused issue took no number").isEqualTo(next(before, 1));
        Http.Response completed = http.put("/api/v1/customers/" + customer, """
                {"name": "Kanzlei ohne Anschrift", "federalState": "NW", "address": {"street": "Domplatz 1",
                 "postalCode": "48143", "city": "Münster"}}""");
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        awaitGet(http, "/api/v1/customers/" + customer,
                c -> c.path("details").path("address").path("street").asString("").equals("Domplatz 1"));
        assertThat(issue(invoiceId, "2026-04-01")).isEqualTo(next(before, 2));
    }

    @Test
    void aRunOfAMonthThatHasNotEndedIsRefused() {
        assertProblem(http.post("/api/v1/billing-runs", "{\"month\": \"2099-12\"}"), 422, "has not ended");
        assertProblem(http.post("/api/v1/billing-runs", "{\"month\": \"2999-01\"}"), 400, "must lie between");
        assertProblem(http.post("/api/v1/billing-runs", "{\"month\": \"-999999999-01\"}"), 400, "month");
        assertProblem(http.post("/api/v1/billing-runs", "{\"month\": \"March\"}"), 400, "month");
    }

    /** A customer with an HOURLY contract at 95 €/h (I1) and seed 003's units. */
    private UUID hourlyCustomer() {
        UUID customer = registerCustomer("Kanzlei Rechnung", "NW");
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\", "
                + "\"hourlyRates\": {\"TECHNICIAN\": 95}");
        return customer;
    }

    record March(UUID customer, UUID ticket, UUID s5, UUID b1) {
    }

    /** I1: S5 (on-site Tue 03-03 16:00–18:10) and a remote 7 minutes (B1), priced. */
    private March hourlyMarch() {
        UUID customer = hourlyCustomer();
        UUID ticket = openTicket(customer, "Server down");
        UUID s5 = logOn(ticket, "2026-03-03T16:00", "2026-03-03T18:10", "ONSITE");
        UUID b1 = logOn(ticket, "2026-03-05T09:00", "2026-03-05T09:07", "REMOTE");
        awaitPricing(s5, p -> p.get("status").asString().equals("PRICED"));
        awaitPricing(b1, p -> p.get("status").asString().equals("PRICED"));
        return new March(customer, ticket, s5, b1);
    }

    private UUID logOn(UUID ticket, String start, String end, String mode) {
        Http.Response logged = http.post("/api/v1/tickets/" + ticket + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "%s", "technician": "tom"}"""
                .formatted(instant(start), instant(end), mode));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        return UUID.fromString(logged.json().get("entryId").asString());
    }

    private JsonNode run(String month, UUID customer) {
        awaitCaughtUpEverywhere();
        Http.Response run = http.post("/api/v1/billing-runs",
                "{\"month\": \"%s\", \"customerId\": \"%s\"}".formatted(month, customer));
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        return run.json();
    }

    /** The run's draft as the read model shows it once it has the run's lines. */
    private JsonNode runAndRead(String month, UUID customer) {
        JsonNode drafts = run(month, customer).get("drafts");
        assertThat(drafts).hasSize(1);
        String invoiceId = drafts.get(0).get("invoiceId").asString();
        int lines = drafts.get(0).get("lines").asInt();
        return awaitGet(http, "/api/v1/invoices/" + invoiceId,
                i -> i.get("status").asString().equals("DRAFT") && i.get("lines").size() == lines);
    }

    private String issue(String invoiceId, String date) {
        Http.Response issued = http.post("/api/v1/invoices/" + invoiceId + "/issue",
                "{\"issueDate\": \"%s\"}".formatted(date));
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        awaitGet(http, "/api/v1/invoices/" + invoiceId, i -> i.get("status").asString().equals("ISSUED"));
        return issued.json().get("number").asString();
    }

    private static String next(String number, int after) {
        return "%s-%05d".formatted(number.substring(0, 4), Integer.parseInt(number.substring(5)) + after);
    }

    private static List<BigDecimal> nets(JsonNode lines) {
        List<BigDecimal> nets = new ArrayList<>();
        lines.forEach(line -> nets.add(line.get("net").decimalValue()));
        return nets;
    }

    private static void assertTotals(JsonNode totals, String net, String vat, String gross) {
        assertThat(totals.get("net").decimalValue()).isEqualTo(net);
        assertThat(totals.get("vat").decimalValue()).isEqualTo(vat);
        assertThat(totals.get("gross").decimalValue()).isEqualTo(gross);
    }

    private static String instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant().toString();
    }
}
