package de.ticketwerk.app.ticket;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R-A2: a TECHNICIAN logs time as themselves; only a DISPATCHER names a colleague, who must be a known person. */
class TechnicianApiTest extends ApiTest {

    private static final String ENTRY = """
            {"start": "2026-03-03T10:00:00Z", "end": "2026-03-03T11:00:00Z", "role": "TECHNICIAN", "mode": "REMOTE"%s}""";

    @Test
    void aTechnicianLogsTimeOnlyAsThemselves() {
        UUID ticket = openTicket(registerCustomer(), "Printer");
        Http lisa = as("lisa", "TECHNICIAN");

        Http.Response asColleague = lisa.post(entries(ticket), ENTRY.formatted(", \"technician\": \"tom\""));
        assertProblem(asColleague, 403, "logs time as themselves");
        assertProblem(lisa.post(entries(ticket), ENTRY.formatted(", \"technician\": \"nobody at all\"")), 403,
                "logs time as themselves");
        Http.Response own = lisa.post(entries(ticket), ENTRY.formatted(", \"technician\": \"lisa\""));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        Http.Response unnamed = lisa.post(entries(ticket), ENTRY.formatted(""));
        assertThat(unnamed.status()).as(unnamed.text()).isEqualTo(201);
        String entry = unnamed.json().get("entryId").asString();

        Http.Response moved = lisa.put(entries(ticket) + "/" + entry,
                ENTRY.formatted(", \"technician\": \"tom\", \"reason\": \"was tom\""));
        assertProblem(moved, 403, "logs time as themselves");
        awaitCaughtUpEverywhere();
        assertThat(jdbc.queryForList("SELECT DISTINCT technician FROM time_entry_view WHERE ticket_id = ?",
                String.class, ticket)).containsExactly("lisa");
    }

    @Test
    void aDispatcherNamesAKnownColleagueOnly() {
        UUID ticket = openTicket(registerCustomer(), "Printer");
        Http dana = as("dana", "DISPATCHER", "TECHNICIAN");

        Http.Response forTom = dana.post(entries(ticket), ENTRY.formatted(", \"technician\": \"tom\""));
        assertThat(forTom.status()).as(forTom.text()).isEqualTo(201);
        assertProblem(dana.post(entries(ticket), ENTRY.formatted(", \"technician\": \"nobody at all\"")), 422,
                "no colleague is named nobody at all");
    }

    private Http as(String name, String... roles) {
        String token = tokens.token(name, List.of(roles), null);
        return new Http(port(), actor -> token);
    }

    private static String entries(UUID ticket) {
        return "/api/v1/tickets/" + ticket + "/time-entries";
    }
}
