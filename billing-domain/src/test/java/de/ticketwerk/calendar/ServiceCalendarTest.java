package de.ticketwerk.calendar;

import de.ticketwerk.pricing.policy.Fixtures;
import de.ticketwerk.pricing.policy.MinuteBands;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static de.ticketwerk.pricing.policy.Fixtures.BERLIN;
import static de.ticketwerk.pricing.policy.Fixtures.HOLIDAYS;
import static de.ticketwerk.pricing.policy.Fixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

/** R-H1, R-H2: public holidays per state, minute bands across midnight and DST switches. */
class ServiceCalendarTest {

    @ParameterizedTest(name = "{0} in {1}: holiday {2}")
    @CsvSource({
            "2026-05-01, NW, true",    // Labour Day, everywhere
            "2026-05-01, BE, true",
            "2026-06-04, NW, true",    // Corpus Christi
            "2026-06-04, BY, true",
            "2026-06-04, BE, false",
            "2026-06-04, HH, false",
            "2026-10-31, SN, true",    // Reformation Day
            "2026-10-31, HH, true",
            "2026-10-31, NW, false",
            "2026-11-18, SN, true",    // Day of Repentance and Prayer, Saxony only
            "2026-11-18, BY, false",
            "2026-01-06, BY, true",    // Epiphany
            "2026-01-06, NW, false",
            "2026-11-01, NW, true",    // All Saints' Day
            "2026-11-01, BE, false",
            "2026-03-03, NW, false",
    })
    void publicHolidaysDifferByState(LocalDate date, FederalState state, boolean holiday) {
        assertThat(HOLIDAYS.isPublicHoliday(date, state)).isEqualTo(holiday);
    }

    @Test
    void aHolidayHasNoServiceHoursOnlyInItsState() {
        LocalDateTime corpusChristi = LocalDateTime.parse("2026-06-04T10:00");
        ServiceCalendar nw = ContractTerms.defaults(ContractType.HOURLY, null, FederalState.NW)
                .serviceCalendar(HOLIDAYS);
        ServiceCalendar berlin = ContractTerms.defaults(ContractType.HOURLY, null, FederalState.BE)
                .serviceCalendar(HOLIDAYS);

        assertThat(nw.isInServiceHours(corpusChristi)).isFalse();
        assertThat(berlin.isInServiceHours(corpusChristi)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}–{2}")
    @CsvSource({
            // case, start, end, in hours, weekday first, weekday further, weekend/holiday
            "weekday across midnight,         2026-03-03T22:00, 2026-03-04T02:00,   0, 120, 120,   0",
            "Friday night into Saturday,      2026-03-06T23:00, 2026-03-07T01:00,   0,  60,   0,  60",
            "Sunday night into Monday,        2026-03-08T23:00, 2026-03-09T10:00,  60, 120, 420,  60",
            "spring forward (2026-03-29),     2026-03-28T23:00, 2026-03-29T03:30,   0,   0,   0, 210",
            "fall back (2026-10-25),          2026-10-25T01:00, 2026-10-25T04:00,   0,   0,   0, 240",
            "fall back into Monday service,   2026-10-25T23:00, 2026-10-26T09:30,  30, 120, 420,  60",
            "extended hours Saturday 07-15,   2026-03-07T07:00, 2026-03-07T15:00,   0,   0,   0, 480",
    })
    void minuteBands(String name, String start, String end, long inHours, long first, long further, long weekend) {
        ServiceCalendar office = Fixtures.terms(ContractType.HOURLY, null).serviceCalendar(HOLIDAYS);

        MinuteBands bands = MinuteBands.split(local(start), local(end), office, 120);

        assertThat(bands).isEqualTo(new MinuteBands(inHours, first, further, weekend));
    }

    @Test
    void theExtendedWindowMakesSaturdayMorningServiceHours() {
        ContractTerms t = Fixtures.terms(de.ticketwerk.terms.ContractType.HOURLY, null);
        ServiceCalendar extended = new ServiceCalendar(ContractTerms.extendedHours(), FederalState.NW, BERLIN, HOLIDAYS);

        MinuteBands bands = MinuteBands.split(local("2026-03-07T07:00"), local("2026-03-07T15:00"), extended,
                t.surcharges().weekdayFirstMinutes());

        assertThat(bands).isEqualTo(new MinuteBands(360, 0, 0, 120));
    }
}
