package de.ticketwerk.pricing.policy;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.pricing.api.SurchargeBand;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.WorkMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static de.ticketwerk.pricing.policy.Fixtures.basis;
import static de.ticketwerk.pricing.policy.Fixtures.entry;
import static de.ticketwerk.pricing.policy.Fixtures.minuteExact;
import static de.ticketwerk.pricing.policy.Fixtures.terms;
import static de.ticketwerk.pricing.policy.Fixtures.withTechnicianRate;
import static de.ticketwerk.pricing.policy.Fixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples B1–B7 and S1–S5 of DOMAIN.md, at the policy level. */
class BillingExamplesTest {

    @ParameterizedTest(name = "{0}: {1} {2} {3} min → billed {5}")
    @CsvSource({
            "B1, TECHNICIAN,      REMOTE,   7, false,  15",
            "B2, TECHNICIAN,      REMOTE,  16, false,  30",
            "B3, SYSTEM_ENGINEER, ONSITE, 130, false, 150",
            "B4, SYSTEM_ENGINEER, ONSITE,  45, false, 120",
            "B5, CONSULTANT,      ONSITE, 250, false, 270",
            "B6, CONSULTANT,      REMOTE, 121, false, 135",
            "B7, TECHNICIAN,      REMOTE,  47, true,   47",
    })
    void billingUnits(String id, Role role, WorkMode mode, int rawMinutes, boolean minuteExact, long billed) {
        ContractTerms terms = terms(ContractType.HOURLY, null);
        terms = minuteExact ? minuteExact(terms) : terms;
        String start = "2026-03-03T09:00";
        String end = java.time.LocalDateTime.parse(start).plusMinutes(rawMinutes).toString();

        PricedEntry priced = PricingPolicy.price(work(entry(start, end, role, mode)), basis(ContractType.HOURLY, terms),
                Fixtures.HOLIDAYS);

        assertThat(priced.rawMinutes()).isEqualTo(rawMinutes);
        assertThat(priced.billedMinutes()).isEqualTo(billed);
        assertThat(priced.surcharges()).isEmpty();
        assertThat(priced.baseAmount()).isEqualByComparingTo(
                terms.rateFor(role).multiply(BigDecimal.valueOf(billed)).divide(BigDecimal.valueOf(60), 2,
                        java.math.RoundingMode.HALF_UP));
    }

    @ParameterizedTest(name = "{0}: {1}–{2}")
    @CsvSource({
            // id, start, end, mode, rate, minute-exact, in hours, weekday first, weekday further, weekend/holiday, min-eq, billed, base, surcharge, net, quota
            "S1, 2026-03-03T16:00, 2026-03-03T20:00, REMOTE, 90, true,   60, 120, 60,   0,   60, 240, 360.00, 90.00, 450.00, 300",
            "S2, 2026-03-07T10:00, 2026-03-07T11:30, REMOTE, 90, false,   0,   0,  0,  90,   45,  90, 135.00, 67.50, 202.50, 135",
            "S3, 2026-05-01T10:00, 2026-05-01T12:00, REMOTE, 90, false,   0,   0,  0, 120,   60, 120, 180.00, 90.00, 270.00, 180",
            "S4, 2026-03-02T07:00, 2026-03-02T10:00, REMOTE, 90, false,  60, 120,  0,   0,   30, 180, 270.00, 45.00, 315.00, 210",
            "S5, 2026-03-03T16:00, 2026-03-03T18:10, ONSITE, 95, false,  60,  70,  0,   0, 17.5, 150, 237.50, 27.71, 265.21, 168",
    })
    void surcharges(String id, String start, String end, WorkMode mode, String rate, boolean minuteExact,
                    long inHours, long weekdayFirst, long weekdayFurther, long weekend, BigDecimal minuteEquivalents,
                    long billed, BigDecimal base, BigDecimal surcharge, BigDecimal net, long quota) {
        ContractTerms hourly = withTechnicianRate(terms(ContractType.HOURLY, null), rate);
        ContractTerms quotaTerms = withTechnicianRate(terms(ContractType.QUOTA, null), rate);
        if (minuteExact) {
            hourly = minuteExact(hourly);
            quotaTerms = minuteExact(quotaTerms);
        }
        var work = work(entry(start, end, Role.TECHNICIAN, mode));

        PricedEntry money = PricingPolicy.price(work, basis(ContractType.HOURLY, hourly), Fixtures.HOLIDAYS);
        PricedEntry debit = PricingPolicy.price(work, basis(ContractType.QUOTA, quotaTerms), Fixtures.HOLIDAYS);

        assertThat(money.settlement()).isEqualTo(Settlement.MONEY);
        assertThat(minutesIn(money, SurchargeBand.Band.WEEKDAY_AFTER_HOURS_FIRST)).isEqualTo(weekdayFirst);
        assertThat(minutesIn(money, SurchargeBand.Band.WEEKDAY_AFTER_HOURS_FURTHER)).isEqualTo(weekdayFurther);
        assertThat(minutesIn(money, SurchargeBand.Band.WEEKEND_OR_HOLIDAY)).isEqualTo(weekend);
        assertThat(money.rawMinutes() - weekdayFirst - weekdayFurther - weekend).isEqualTo(inHours);
        assertThat(money.surchargeMinuteEquivalents()).isEqualByComparingTo(minuteEquivalents);
        assertThat(money.billedMinutes()).isEqualTo(billed);
        assertThat(money.baseAmount()).isEqualTo(base);
        assertThat(money.surchargeAmount()).isEqualTo(surcharge);
        assertThat(money.netAmount()).isEqualTo(net);
        assertThat(money.quotaMinutes()).isZero();

        assertThat(debit.settlement()).isEqualTo(Settlement.QUOTA);
        assertThat(debit.quotaMinutes()).isEqualTo(quota);
        assertThat(debit.netAmount()).isEqualTo("0.00");
    }

    private static long minutesIn(PricedEntry priced, SurchargeBand.Band band) {
        return priced.surcharges().stream().filter(b -> b.band() == band).mapToLong(SurchargeBand::minutes).sum();
    }
}
