package de.ticketwerk.invoice.domain;

import de.ticketwerk.invoice.api.InvoiceCommands;
import de.ticketwerk.invoice.api.InvoiceCommands.RecordBillingRun;
import de.ticketwerk.invoice.api.InvoiceEvents.BillingRunRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;

/** R-I1: the automatic run of each month is recorded once, and never for a month before the last one run. */
class BillingCalendarTest {

    private static final String CALENDAR = InvoiceCommands.BILLING_CALENDAR;
    private static final Instant AT = Instant.parse("2026-04-01T00:15:00Z");
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private AggregateTestFixture<BillingCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingCalendar.class);
    }

    @Test
    void theFirstRunIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordBillingRun(CALENDAR, MARCH, 12, AT))
                .expectEvents(new BillingRunRecorded(CALENDAR, MARCH, 12, AT));
    }

    @Test
    void aMonthAlreadyRunOrEarlierIsNotRecordedAgain() {
        fixture.given(new BillingRunRecorded(CALENDAR, MARCH, 12, AT))
                .when(new RecordBillingRun(CALENDAR, MARCH, 3, AT))
                .expectNoEvents();
        fixture.given(new BillingRunRecorded(CALENDAR, MARCH, 12, AT))
                .when(new RecordBillingRun(CALENDAR, FEBRUARY, 3, AT))
                .expectNoEvents();
    }

    @Test
    void theNextMonthIsRecorded() {
        fixture.given(new BillingRunRecorded(CALENDAR, FEBRUARY, 10, AT))
                .when(new RecordBillingRun(CALENDAR, MARCH, 12, AT))
                .expectEvents(new BillingRunRecorded(CALENDAR, MARCH, 12, AT));
    }
}
