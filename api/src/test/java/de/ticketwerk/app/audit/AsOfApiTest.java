package de.ticketwerk.app.audit;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-AU2: a ticket, a contract, its quota balance, ledger and statements, the customer's invoices, as the product
 * knew them at an instant. A history is recorded step by step; after each step the live answers are taken with the
 * instant; afterwards each instant's answers, derived from the events recorded up to it, must equal what was live
 * then.
 */
class AsOfApiTest extends ApiTest {

    private static final String BALANCE = "/quota?asOf=2026-12-31";
    private static final String LEDGER = "/quota/ledger?from=2026-01-01&to=2026-12-31&size=1000";
    private static final String QUARTERLY = "/statements/quarterly/2026/1?";
    private static final String ANNUAL = "/statements/annual/2026?";

    private record Moment(Instant at, JsonNode contract, JsonNode balance, JsonNode ledger, JsonNode quarterly,
                          JsonNode annual, JsonNode ticket, JsonNode invoices) {
    }

    private UUID customer;
    private UUID ticket;

    @Test
    void eachReadKnownAtAnInstantEqualsTheLiveAnswerTakenThen() throws Exception {
        customer = registerCustomer();
        Instant beforeTheContract = moment();
        UUID contract = concludeContract(customer, "\"type\": \"QUOTA\", \"startDate\": \"2026-01-01\", "
                + "\"monthlyFee\": 149.00");
        List<Moment> moments = new ArrayList<>();
        moments.add(capture(contract));
        ticket = openTicket(customer, "Kontingent");
        List<UUID> entries = new ArrayList<>();
        for (int day = 2; day <= 4; day++) {
            entries.add(logTime(ticket, "2026-03-0%dT09:00:00Z".formatted(day), "2026-03-0%dT10:30:00Z"
                    .formatted(day)));
            moments.add(capture(contract));
        }
        ok(http.put("/api/v1/tickets/" + ticket + "/time-entries/" + entries.get(0), """
                {"start": "2026-03-02T09:00:00Z", "end": "2026-03-02T09:20:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE", "reason": "typo", "technician": "jonas"}"""));
        moments.add(capture(contract));
        assertThat(http.post("/api/v1/tickets/" + ticket + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Erledigt\"}").status()).isEqualTo(201);
        moments.add(capture(contract));
        String invoice = draft(http, customer, "2026-03");
        moments.add(capture(contract));
        issue(http, invoice, "2026-04-01");
        moments.add(capture(contract));
        ok(http.post("/api/v1/contracts/" + contract + "/termination", """
                {"receivedOn": "%s", "channel": "LETTER", "by": "CUSTOMER", "specialRight": false}"""
                .formatted(LocalDate.now())));
        moments.add(capture(contract));

        for (Moment then : moments) {
            String knownAt = "knownAt=" + then.at();
            assertThat(read("/api/v1/contracts/" + contract + "?" + knownAt)).as("contract at " + then.at())
                    .isEqualTo(then.contract());
            assertThat(read("/api/v1/contracts/" + contract + BALANCE + "&" + knownAt)).as("balance at " + then.at())
                    .isEqualTo(then.balance());
            assertThat(read("/api/v1/contracts/" + contract + LEDGER + "&" + knownAt)).as("ledger at " + then.at())
                    .isEqualTo(then.ledger());
            assertThat(read("/api/v1/contracts/" + contract + QUARTERLY + knownAt)).as("Q1 at " + then.at())
                    .isEqualTo(then.quarterly());
            assertThat(read("/api/v1/contracts/" + contract + ANNUAL + knownAt)).as("year at " + then.at())
                    .isEqualTo(then.annual());
            assertThat(read("/api/v1/invoices?customerId=" + customer + "&" + knownAt)).as("invoices at " + then.at())
                    .isEqualTo(then.invoices());
            if (then.ticket() != null) {
                assertThat(read("/api/v1/tickets/" + ticket + "?" + knownAt)).as("ticket at " + then.at())
                        .isEqualTo(then.ticket());
            }
        }
        assertThat(moments.get(1).ledger()).isNotEqualTo(moments.get(moments.size() - 1).ledger());
        assertThat(moments.get(0).contract()).isNotEqualTo(moments.get(moments.size() - 1).contract());
        assertThat(moments.get(1).ticket()).isNotEqualTo(moments.get(moments.size() - 1).ticket());
        assertThat(moments.get(0).annual()).isNotEqualTo(moments.get(moments.size() - 1).annual());
        assertThat(moments.get(0).invoices().get("totalItems").asLong()).isZero();
        assertThat(moments.get(moments.size() - 1).invoices().get("items").get(0).get("status").asString())
                .isEqualTo("ISSUED");
        assertProblem(http.get("/api/v1/contracts/" + contract + "?knownAt=" + beforeTheContract), 404,
                "known at");
        assertProblem(http.get("/api/v1/contracts/" + contract + BALANCE + "&knownAt=" + beforeTheContract), 404,
                "known at");
    }

    /** The live answers once every read model has caught up, and the instant they stand for. */
    private Moment capture(UUID contract) throws InterruptedException {
        awaitCaughtUpEverywhere();
        Instant at = moment();
        String path = "/api/v1/contracts/" + contract;
        return new Moment(at, read(path), read(path + BALANCE), read(path + LEDGER), read(path + QUARTERLY),
                read(path + ANNUAL), ticket == null ? null : read("/api/v1/tickets/" + ticket),
                read("/api/v1/invoices?customerId=" + customer));
    }

    /** An instant strictly between what was recorded before and what will be recorded next. */
    private static Instant moment() throws InterruptedException {
        Thread.sleep(5);
        Instant at = Instant.now();
        Thread.sleep(5);
        return at;
    }

    private JsonNode read(String path) {
        Http.Response answer = http.get(path);
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
        return answer.json();
    }
}
