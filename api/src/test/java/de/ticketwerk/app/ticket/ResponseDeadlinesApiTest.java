package de.ticketwerk.app.ticket;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import de.ticketwerk.ticket.domain.Ticket;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R-S2: a ticket's response deadline is fixed when it opens, from the contracts in force (the worked examples L1–L4,
 * through REST); the first response meets it; a deadline that passes without one is breached by the persistent
 * schedule, once.
 */
class ResponseDeadlinesApiTest extends ApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    private DeadlineManager deadlines;

    @ParameterizedTest(name = "{0}: {1} ticket opened {2} → respond by {3}")
    @CsvSource({
            "L1, COMFORT,  2026-03-06T15:00, 2026-03-09T13:00",
            "L2, BASIC,    2026-03-05T16:00, 2026-03-09T12:00",
            "L3, STANDARD, 2026-03-07T11:00, 2026-03-10T11:00",
            "L4, COMFORT,  2027-10-29T15:30, 2027-11-02T13:30",
    })
    void theDeadlineIsFixedWhenTheTicketOpensFromTheLevelOfTheServiceContract(String example, String level,
                                                                             String opened, String due) {
        UUID customer = serviceCustomer("Kanzlei " + example, level);
        CLOCK.moveTo(berlin(opened));

        UUID ticket = openTicket(customer, "Drucker " + example);

        assertThat(respondBy(ticket)).isEqualTo(berlin(due));
    }

    @Test
    void aContractsResponseHoursTermPromisesToo() {
        UUID customer = registerCustomer("Kanzlei Vier Stunden", "NW");
        concludeContract(customer, """
                "type": "HOURLY", "startDate": "2026-01-01", "responseHours": 4""");
        CLOCK.moveTo(berlin("2026-03-06T15:00"));

        assertThat(respondBy(openTicket(customer, "Vier Stunden"))).isEqualTo(berlin("2026-03-09T11:00"));
    }

    @Test
    void withoutAPromiseATicketHasNoDeadline() {
        UUID customer = registerCustomer("Kanzlei Stundensatz", "NW");
        concludeContract(customer, "\"type\": \"HOURLY\", \"startDate\": \"2026-01-01\"");

        UUID ticket = openTicket(customer, "Ohne Frist");

        JsonNode shown = awaitTicket(ticket, detail -> true).get("ticket");
        assertThat(shown.get("respondBy").isNull()).as(shown.toString()).isTrue();
        assertThat(scheduled(ticket)).isEmpty();
    }

    @Test
    void aResponseTimeBelowOneHourIsRefused() {
        UUID customer = registerCustomer("Kanzlei Sofort", "NW");
        Http.Response refused = http.post("/api/v1/contracts", """
                {"customerId": "%s", "type": "HOURLY", "startDate": "2026-01-01", "responseHours": 0}"""
                .formatted(customer));

        assertProblem(refused, 400, "responseHours");
    }

    @Test
    void theDeadlineIsStoredWithTheTicketAndTheStartOfWorkMeetsIt() {
        UUID customer = serviceCustomer("Kanzlei Pünktlich", "COMFORT");
        CLOCK.moveTo(berlin("2027-10-29T15:30"));
        UUID ticket = openTicket(customer, "Rechtzeitig");

        assertThat(scheduled(ticket)).as("scheduled in the transaction that opened the ticket")
                .containsExactly(berlin("2027-11-02T13:30"));

        CLOCK.moveTo(berlin("2027-11-02T09:10"));
        ok(http.put("/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}"));
        ok(http.post("/api/v1/tickets/" + ticket + "/start-work", null));

        JsonNode shown = awaitTicket(ticket, detail -> detail.get("ticket").hasNonNull("responseMetAt"))
                .get("ticket");
        assertThat(Instant.parse(shown.get("responseMetAt").asString())).isEqualTo(berlin("2027-11-02T09:10"));
        assertThat(shown.get("responseBreachedAt").isNull()).isTrue();
    }

    @Test
    void aDeadlineThatPassesWithoutAResponseIsBreachedOnceAlsoWhenTheScheduleFiresAgain() {
        UUID customer = serviceCustomer("Kanzlei Verspätet", "BASIC");
        CLOCK.moveTo(berlin("2026-03-05T16:00"));
        UUID ticket = openTicket(customer, "Vergessen");
        Instant due = berlin("2026-03-09T12:00");

        JsonNode shown = awaitTicket(ticket, detail -> detail.get("ticket").hasNonNull("responseBreachedAt"));
        assertThat(Instant.parse(shown.get("ticket").get("responseBreachedAt").asString())).isEqualTo(due);
        assertThat(breaches(ticket)).isEqualTo(1);

        DefaultUnitOfWork.startAndGet(null).execute(() -> deadlines.schedule(Instant.now(),
                "response-deadline", null, new AggregateScopeDescriptor(Ticket.class.getSimpleName(), ticket)));
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduled(ticket).isEmpty());
        assertThat(http.post("/api/v1/tickets/" + ticket + "/comments",
                "{\"visibility\": \"PUBLIC\", \"text\": \"Wir sind dran\"}").status()).isEqualTo(201);
        awaitCaughtUp("tickets");

        assertThat(breaches(ticket)).as("the second firing and the late response change nothing").isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type = 'ticket.ResponseDeadlineMet'""", Long.class, ticket.toString())).isZero();
        JsonNode history = awaitTicket(ticket, detail -> true).get("history");
        List<String> changes = new ArrayList<>();
        history.forEach(line -> changes.add(line.get("change").asString()));
        assertThat(changes).containsExactly("OPENED", "RESPONSE_DEADLINE_BREACHED");
    }

    @Test
    void dispatchersSeeTheTicketsWhoseResponseIsDueWithinTheGivenServiceHours() {
        UUID customer = serviceCustomer("Kanzlei Dringend", "COMFORT");
        CLOCK.moveTo(berlin("2027-10-29T15:30"));
        UUID soon = openTicket(customer, "Bald fällig");
        CLOCK.moveTo(berlin("2027-11-02T09:00"));
        UUID later = openTicket(customer, "Später fällig");
        awaitCaughtUp("tickets");

        CLOCK.moveTo(berlin("2027-11-02T11:00"));
        List<String> withinFour = ids(http.get("/api/v1/tickets/at-risk?withinHours=4").json());
        List<String> withinThree = ids(http.get("/api/v1/tickets/at-risk?withinHours=3").json());

        assertThat(withinFour).as("due 13:30 and 15:00").contains(soon.toString(), later.toString());
        assertThat(withinThree).as("due 13:30, but 15:00 is 4 service hours away").contains(soon.toString())
                .doesNotContain(later.toString());
        assertThat(ids(http.get("/api/v1/tickets/at-risk?withinHours=1").json()))
                .doesNotContain(soon.toString(), later.toString());
        CLOCK.moveTo(berlin("2027-11-02T12:45"));
        assertThat(ids(http.get("/api/v1/tickets/at-risk?withinHours=1").json())).contains(soon.toString())
                .doesNotContain(later.toString());
        assertProblem(http.get("/api/v1/tickets/at-risk?withinHours=0"), 400, "withinHours");
    }

    @Test
    void openingATicketAnswersWhenItsFirstResponseIsDue() {
        UUID customer = serviceCustomer("Kanzlei Telefon", "STANDARD");
        CLOCK.moveTo(berlin("2026-03-07T11:00"));

        Http.Response opened = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "title": "Server", "reporter": "Frau Berger"}""".formatted(customer));

        assertThat(Instant.parse(opened.json().get("respondBy").asString())).isEqualTo(berlin("2026-03-10T11:00"));
    }

    private static List<String> ids(JsonNode atRisk) {
        List<String> ids = new ArrayList<>();
        atRisk.get("items").forEach(item -> ids.add(item.get("ticketId").asString()));
        return ids;
    }

    /** A customer in North Rhine-Westphalia with a SERVICE contract of {@code level} since 2026-01-01. */
    private UUID serviceCustomer(String name, String level) {
        UUID customer = registerCustomer(name, "NW");
        concludeContract(customer, "\"type\": \"SERVICE\", \"level\": \"%s\", \"startDate\": \"2026-01-01\""
                .formatted(level));
        return customer;
    }

    private Instant respondBy(UUID ticket) {
        JsonNode shown = awaitTicket(ticket, detail -> true).get("ticket");
        assertThat(shown.hasNonNull("respondBy")).as(shown.toString()).isTrue();
        return Instant.parse(shown.get("respondBy").asString());
    }

    private long breaches(UUID ticket) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type = 'ticket.ResponseDeadlineBreached'""", Long.class, ticket.toString());
    }

    /**
     * When the schedule will fire the ticket's deadlines (db-scheduler's table, task data as Axon wrote it; the
     * recurring tasks, such as the mail intake, carry none).
     */
    private List<Instant> scheduled(UUID ticket) {
        return jdbc.query("SELECT task_data, execution_time FROM scheduled_tasks WHERE task_data IS NOT NULL "
                        + "ORDER BY execution_time",
                        (rs, n) -> new String(rs.getBytes("task_data"), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains(ticket.toString()) ? rs.getTimestamp("execution_time") : null)
                .stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant).toList();
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
