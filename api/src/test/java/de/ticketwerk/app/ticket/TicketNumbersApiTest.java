package de.ticketwerk.app.ticket;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-S1: every ticket takes its number when it opens, from a gapless series per calendar year in Berlin time; it is
 * shown in the ticket's list and detail, as known at an instant too, and tickets are found by it.
 */
class TicketNumbersApiTest extends ApiTest {

    @Test
    void ticketsOpenedAtOnceTakeConsecutiveNumbersWithoutGapsOrTwins() throws Exception {
        UUID customer = registerCustomer("Kanzlei Nummernkreis", "NW");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<UUID>> opening = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                String title = "Gleichzeitig " + i;
                opening.add(clients.submit(() -> openTicket(customer, title)));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<UUID> ticket : opening) {
                sequences.add(sequence(ticketNumber(ticket.get())));
            }
            sequences.sort(null);

            assertThat(sequences).doesNotHaveDuplicates();
            assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).as("no gaps: %s", sequences)
                    .isEqualTo(sequences.size() - 1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anOpenThatIsRefusedTakesNoNumber() {
        UUID customer = registerCustomer("Kanzlei Lückenlos", "NW");
        long before = sequence(ticketNumber(openTicket(customer, "Davor")));

        Http.Response refused = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "HOTLINE",
                 "title": "Unbekannt", "reporter": "Jemand"}""".formatted(UUID.randomUUID()));
        long after = sequence(ticketNumber(openTicket(customer, "Danach")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void theSeriesBeginsAnewAtMidnightOnNewYearsDayInBerlin() {
        UUID customer = registerCustomer("Kanzlei Silvester", "NW");
        CLOCK.moveTo(Instant.parse("2029-12-31T22:59:00Z"));
        UUID lastOfTheYear = openTicket(customer, "Silvester, 23:59");
        CLOCK.moveTo(Instant.parse("2029-12-31T23:00:00Z"));
        UUID firstOfTheNext = openTicket(customer, "Neujahr, 0:00");

        String last = ticketNumber(lastOfTheYear);
        String first = ticketNumber(firstOfTheNext);
        assertThat(last).matches("T2029-\\d{6}");
        assertThat(first).matches("T2030-\\d{6}");
        assertThat(sequence(first)).as("numbered after the tickets of 2030 before it, if any")
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_view WHERE number LIKE 'T2030-%'",
                        Long.class));
    }

    @Test
    void theNumberIsAnsweredWhenTheTicketOpensShownInListAndDetailAlsoAsKnownThenAndFoundBy() {
        UUID customer = registerCustomer("Kanzlei Suche", "NW");
        openTicket(customer, "Daneben");
        Http.Response opened = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "title": "Gesucht", "reporter": "Frau Berger"}""".formatted(customer));
        UUID ticket = UUID.fromString(opened.json().get("ticketId").asString());
        String number = ticketNumber(ticket);
        Instant known = CLOCK.instant();

        JsonNode found = http.get("/api/v1/tickets?number=" + number).json();
        JsonNode asOf = http.get("/api/v1/tickets/" + ticket + "?knownAt=" + known).json();

        assertThat(opened.json().get("number").asString()).as("told when it opens").isEqualTo(number);
        assertThat(found.get("totalItems").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("ticketId").asString()).isEqualTo(ticket.toString());
        assertThat(found.get("items").get(0).get("number").asString()).isEqualTo(number);
        assertThat(asOf.get("ticket").get("number").asString()).isEqualTo(number);
        assertThat(http.get("/api/v1/tickets?number=T1999-000001").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void aNumberOfAnotherShapeIsRefused() {
        for (String malformed : List.of("2026-000001", "T2026-1", "T2026-000001%27%20OR%201=1", "t2026-000001")) {
            assertProblem(http.get("/api/v1/tickets?number=" + malformed), 400, "number");
        }
    }

    private static long sequence(String number) {
        assertThat(number).matches("T\\d{4}-\\d{6}");
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }
}
