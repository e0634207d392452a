package de.ticketwerk.calendar;

import de.ticketwerk.pricing.policy.Fixtures;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static de.ticketwerk.pricing.policy.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

/** R-C5, the worked examples L1–L4 of DOMAIN.md (NW), and a public holiday in between. */
class ResponseDeadlineTest {

    @ParameterizedTest(name = "{0}: {1} ticket opened {2} → respond by {3}")
    @CsvSource({
            "L1, COMFORT,  2026-03-06T15:00, 2026-03-09T13:00",
            "L2, BASIC,    2026-03-05T16:00, 2026-03-09T12:00",
            "L3, STANDARD, 2026-03-07T11:00, 2026-03-10T11:00",
            "L4 (All Saints' Day on Monday), COMFORT, 2027-10-29T15:30, 2027-11-02T13:30",
            "Labour Day, COMFORT, 2026-04-30T15:00, 2026-05-04T13:00",
    })
    void responseTimeCountsServiceHoursOnly(String id, ServiceLevel level, String opened, String due) {
        ServiceCalendar calendar = Fixtures.terms(ContractType.SERVICE, level).serviceCalendar(Fixtures.HOLIDAYS);

        assertThat(ResponseDeadline.respondBy(local(opened), level.responseHours(), calendar)).isEqualTo(local(due));
    }

    @ParameterizedTest(name = "due {0}, now {1}, within {2} service hours: {3}")
    @CsvSource({
            "2026-03-09T13:00, 2026-03-06T16:00, 5, true",
            "2026-03-09T13:00, 2026-03-06T16:00, 4, false",
            "2026-03-09T13:00, 2026-03-09T11:00, 2, true",
            "2026-03-09T13:00, 2026-03-09T10:59, 2, false",
            "2026-03-09T13:00, 2026-03-10T09:00, 1, true",
    })
    void aResponseIsAtRiskWhenAtMostTheGivenServiceHoursAreLeft(String due, String now, int hours, boolean atRisk) {
        ServiceCalendar calendar = Fixtures.terms(ContractType.SERVICE, ServiceLevel.COMFORT)
                .serviceCalendar(Fixtures.HOLIDAYS);

        assertThat(ResponseDeadline.dueWithin(local(due), local(now), hours, calendar)).isEqualTo(atRisk);
    }
}
