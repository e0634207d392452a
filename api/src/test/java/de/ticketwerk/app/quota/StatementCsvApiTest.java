package de.ticketwerk.app.quota;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual statement's CSV, as CUSTOMER_ADMIN downloads it, shows a technician's name and a non-billable reason
 * that look like formulas as text (issue 25: {@code =1+2}, {@code @SUM(1+1)} and {@code =HYPERLINK(…)} arrived as
 * formulas in the customer's spreadsheet).
 */
class StatementCsvApiTest extends ApiTest {

    @Test
    void textsThatLookLikeFormulasArriveAsText() {
        UUID customer = registerCustomer("Kanzlei Formel", "NW");
        UUID contract = concludeContract(customer, """
                "type": "QUOTA", "startDate": "2026-01-01", "minuteExact": true,
                "quota": {"allotmentMinutes": 600, "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH",
                 "settlement": "QUARTERLY"}, "hourlyRates": {"TECHNICIAN": 95}""");
        UUID ticket = openTicket(customer, "Formulas");
        String formulaName = tokens.token("-2+3", List.of("TECHNICIAN"), null);
        Http technician = new Http(port(), actor -> formulaName);
        assertThat(technician.post(entries(ticket), entry("03", "")).status()).isEqualTo(201);
        for (String[] reason : new String[][]{{"04", "=1+2"}, {"05", "@SUM(1+1)"},
                {"06", "=HYPERLINK(\\\"http://evil.example\\\",\\\"Details\\\")"}}) {
            Http.Response logged = http.post(entries(ticket), entry(reason[0],
                    ", \"billable\": false, \"nonBillableReason\": \"" + reason[1] + "\""));
            assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        }
        awaitGet(http, "/api/v1/contracts/" + contract + "/statements/annual/2026",
                s -> s.get("entries").size() == 4);

        String customerAdmin = tokens.token("frau.berger", List.of("CUSTOMER_ADMIN"), customer);
        Http.Response csv = new Http(port(), actor -> customerAdmin).send("GET",
                "/api/v1/contracts/" + contract + "/statements/annual/2026", null, "frau.berger", "text/csv");

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.text()).contains(";'-2+3;", ";'=1+2", ";'@SUM(1+1)",
                ";\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Details\"\")\"");
        List<String> cells = Arrays.stream(csv.text().split("\r\n")).flatMap(line -> Arrays.stream(line.split(";")))
                .map(cell -> cell.startsWith("\"") ? cell.substring(1) : cell).toList();
        assertThat(cells).as("no cell a spreadsheet would compute")
                .noneMatch(cell -> cell.matches("^[=+@\t\r].*") || cell.matches("^-(?![0-9]+(,[0-9]+)?$).*"));
    }

    private static String entries(UUID ticket) {
        return "/api/v1/tickets/" + ticket + "/time-entries";
    }

    private static String entry(String day, String more) {
        return """
                {"start": "2026-03-%sT09:00:00Z", "end": "2026-03-%sT10:00:00Z", "role": "TECHNICIAN",
                 "mode": "REMOTE"%s}""".formatted(day, day, more);
    }
}
