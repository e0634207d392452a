package de.ticketwerk.ticket.api;

import de.ticketwerk.rules.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeEntryDetailsTest {

    private static TimeEntryDetails entry(String start, String end, boolean billable, String reason) {
        return new TimeEntryDetails(Instant.parse(start), Instant.parse(end), Role.TECHNICIAN, WorkMode.REMOTE,
                "work", billable, reason, false, "jonas");
    }

    @ParameterizedTest(name = "{0} → {1} is {2} minutes")
    @CsvSource({
            "2026-03-03T15:00:00Z, 2026-03-03T15:07:00Z, 7",
            "2026-03-03T22:30:00Z, 2026-03-04T01:15:00Z, 165",
            // Berlin, 29 March 2026: 01:30 CET → 03:30 CEST is one real hour
            "2026-03-29T00:30:00Z, 2026-03-29T01:30:00Z, 60",
            "2026-03-03T00:00:00Z, 2026-03-04T00:00:00Z, 1440"
    })
    void minutesAreElapsedMinutes(String start, String end, long minutes) {
        assertThat(entry(start, end, true, null).minutes()).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "{0} → {1}: {3}")
    @CsvSource({
            "2026-03-03T15:00:00Z, 2026-03-03T15:00:00Z, R-E4, end must be after start",
            "2026-03-03T15:00:00Z, 2026-03-03T14:00:00Z, R-E4, end must be after start",
            "2026-03-03T00:00:00Z, 2026-03-04T00:01:00Z, R-E4, a time entry may not be longer than 24 h",
            "2026-03-03T15:00:30Z, 2026-03-03T16:00:00Z, R-E1, start and end must be whole minutes (no seconds)"
    })
    void badPeriodsAreRejectedWithTheirRule(String start, String end, String rule, String message) {
        assertThatThrownBy(() -> entry(start, end, true, null))
                .isInstanceOf(RuleViolation.class)
                .hasMessage(message)
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo(rule);
    }

    @org.junit.jupiter.api.Test
    void nonBillableWorkNeedsAReason() {
        assertThatThrownBy(() -> entry("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z", false, " "))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("non-billable work needs a reason");
        assertThat(entry("2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z", false, "Warranty").nonBillableReason())
                .isEqualTo("Warranty");
    }
}
