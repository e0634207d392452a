package de.ticketwerk.contract.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** R-C6 by BGB §§ 187, 188: T1 and T2 of DOMAIN.md and the month-end cases. */
class ContractPeriodsTest {

    @ParameterizedTest(name = "start {0}: minimum term ends {1}, notice by {2}")
    @CsvSource({
            "2025-03-01, 2027-02-28, 2026-11-30",   // T1
            "2024-03-01, 2026-02-28, 2025-11-30",
            "2023-03-01, 2025-02-28, 2024-11-30",
            "2022-03-01, 2024-02-29, 2023-11-30",   // leap year: the period ends on the 29th
            "2024-02-29, 2026-02-28, 2025-11-30",   // no 29th in 2026: the month's last day
            "2025-03-15, 2027-03-14, 2026-12-14",
            "2025-08-31, 2027-08-30, 2027-05-30",
            "2025-01-01, 2026-12-31, 2026-09-30",
    })
    void minimumTermAndNoticeDeadline(LocalDate start, LocalDate minimumTermEnd, LocalDate deadline) {
        assertThat(ContractPeriods.minimumTermEnd(start, 24)).isEqualTo(minimumTermEnd);
        assertThat(ContractPeriods.noticeDeadline(minimumTermEnd, 3)).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "notice received {0} → ends {1}")
    @CsvSource({
            "2026-11-30, 2027-02-28",   // T2
            "2026-12-01, 2027-12-31",   // T2
            "2027-10-01, 2028-12-31",   // T2
            "2025-02-01, 2027-02-28",   // before the start: still the end of the minimum term
            "2027-09-30, 2027-12-31",
            "2028-09-30, 2028-12-31",
    })
    void effectiveEnd(LocalDate received, LocalDate end) {
        assertThat(ContractPeriods.effectiveEnd(LocalDate.parse("2025-03-01"), 24, 3, received)).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0} + {1} months ends {2}")
    @CsvSource({
            "2025-01-31, 1, 2025-02-28",
            "2025-01-30, 1, 2025-02-28",
            "2025-01-29, 1, 2025-02-28",
            "2025-01-28, 1, 2025-02-27",
            "2025-03-31, 1, 2025-04-30",
            "2025-12-01, 3, 2026-02-28",
    })
    void periodEnd(LocalDate first, int months, LocalDate end) {
        assertThat(ContractPeriods.periodEnd(first, months)).isEqualTo(end);
    }

    @ParameterizedTest(name = "announced {0}, effective {1}: in time {2}")
    @CsvSource({
            "2026-01-01, 2026-04-01, true",
            "2026-01-02, 2026-04-01, false",
            "2025-11-30, 2026-02-28, true",
            "2025-11-30, 2026-02-27, false",
            "2026-03-31, 2026-06-30, true",
            "2026-03-31, 2026-06-29, false"})
    void aPriceChangeIsAnnouncedThreeMonthsAhead(LocalDate announcedOn, LocalDate effectiveFrom, boolean inTime) {
        assertThat(ContractPeriods.announcedInTime(announcedOn, effectiveFrom)).isEqualTo(inTime);
    }
}
