package de.ticketwerk.pricing.policy;

import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricedEntry.Amounts;
import de.ticketwerk.pricing.api.PricedEntry.Minutes;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.pricing.api.SurchargeBand;
import de.ticketwerk.pricing.api.SurchargeBand.Band;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.terms.BillingUnit;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.Money;
import de.ticketwerk.terms.PriceChange;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.terms.SurchargeRules;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices one piece of work under one contract's terms: units (R-B1), rates (R-B2), travel (R-B3), surcharges
 * (R-H2…R-H4) and what the contract type does with it (R-C1…R-C4). Pure: the same input gives the same decision.
 * Every step adds the reasons for what it decided, in the order of the steps.
 */
public final class PricingPolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PricingPolicy() {
    }

    /** The contract a time entry is priced under: its type, level (SERVICE only) and terms on the work date. */
    public record Basis(ContractType type, ServiceLevel level, ContractTerms terms, boolean withoutContract) {
    }

    /** What the contract type does with the work: how it is settled, and which minutes are covered and charged. */
    private record Charge(Settlement settlement, long coveredMinutes, long chargedMinutes) {
    }

    /**
     * The work priced under a contract as it stood on the work date: its terms with the price changes that took effect
     * by then (R-C7). The one way the contract prices and the preview answers.
     */
    public static PricedEntry priceUnderContract(ContractType type, ServiceLevel level, ContractTerms terms,
                                                 List<PriceChange> changes, Work work, PublicHolidays holidays) {
        LocalDate workDate = work.entry().workDate(terms.zoneId());
        return price(work, new Basis(type, level, PriceChange.termsOn(terms, changes, workDate), false), holidays);
    }

    public static PricedEntry price(Work work, Basis basis, PublicHolidays holidays) {
        TimeEntryDetails entry = work.entry();
        ContractTerms terms = basis.terms();
        LocalDate workDate = entry.workDate(terms.zoneId());
        BigDecimal rate = terms.rateFor(entry.role());
        List<String> reasons = new ArrayList<>();
        if (basis.withoutContract()) {
            reasons.add("no contract in force on " + workDate + ": priced at the default HOURLY price list");
        }
        if (!entry.billable()) {
            reasons.add("not billable: " + entry.nonBillableReason());
            return new PricedEntry(basis.type(), workDate, work.kind(), work.serviceItem(), entry.technician(),
                    entry.role(), entry.mode(), Settlement.NOT_BILLABLE,
                    new Minutes(entry.minutes(), 0, 0, 0, BigDecimal.ZERO, 0),
                    new Amounts(rate, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO), List.of(),
                    basis.withoutContract(), reasons);
        }
        MinuteBands bands = MinuteBands.split(entry.start(), entry.end(), terms.serviceCalendar(holidays),
                terms.surcharges().weekdayFirstMinutes());
        Charge charge = charge(work, basis, rate, bands, reasons);
        Settlement settlement = charge.settlement();
        long billedMinutes = billedMinutes(terms.unitFor(entry.role(), entry.mode()), charge.chargedMinutes(), entry,
                reasons);
        BigDecimal moneyRate = settlement == Settlement.MONEY ? rate : BigDecimal.ZERO;
        List<SurchargeBand> surcharges = new ArrayList<>();
        if (settlement != Settlement.COVERED) {
            surcharges.addAll(surchargeBands(bands, terms.surcharges(), moneyRate, reasons));
            emergencySurcharge(entry, billedMinutes, terms.emergencyPercent(), moneyRate, reasons)
                    .ifPresent(surcharges::add);
        }
        BigDecimal minuteEquivalents = surcharges.stream().map(SurchargeBand::minuteEquivalents)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal surchargeAmount = surcharges.stream().map(SurchargeBand::amount)
                .reduce(Money.ZERO, BigDecimal::add);
        BigDecimal baseAmount = Money.forMinutes(moneyRate, billedMinutes);
        long quotaMinutes = settlement == Settlement.QUOTA ? quotaDebit(billedMinutes, minuteEquivalents, reasons) : 0;
        BigDecimal travelFee = travelFee(entry.mode(), settlement, terms.travelFee(), reasons);
        BigDecimal netAmount = baseAmount.add(surchargeAmount).add(travelFee);
        return new PricedEntry(basis.type(), workDate, work.kind(), work.serviceItem(), entry.technician(),
                entry.role(), entry.mode(), settlement,
                new Minutes(entry.minutes(), charge.coveredMinutes(), charge.chargedMinutes(), billedMinutes,
                        minuteEquivalents, quotaMinutes),
                new Amounts(rate, baseAmount, surchargeAmount, travelFee, netAmount), surcharges,
                basis.withoutContract(), reasons);
    }

    /**
     * R-C1…R-C4: HOURLY charges every minute in money; QUOTA pays from the quota what a quota may pay for; SERVICE
     * covers its level's items in service hours and charges the rest as under HOURLY (R-C3).
     */
    private static Charge charge(Work work, Basis basis, BigDecimal rate, MinuteBands bands, List<String> reasons) {
        TimeEntryDetails entry = work.entry();
        long minutes = entry.minutes();
        switch (basis.type()) {
            case HOURLY -> {
                reasons.add("HOURLY: charged at the " + entry.role() + " rate of " + rate + " €/h");
                return new Charge(Settlement.MONEY, 0, minutes);
            }
            case QUOTA -> {
                Optional<String> neverCovered = Coverage.neverCovered(work.kind(), work.serviceItem());
                if (neverCovered.isEmpty()) {
                    return new Charge(Settlement.QUOTA, 0, minutes);
                }
                reasons.add(neverCovered.get() + ": charged as money at " + rate + " €/h, the quota is untouched");
                return new Charge(Settlement.MONEY, 0, minutes);
            }
            default -> {
                String level = String.valueOf(basis.level());
                Optional<String> notCovered = Coverage.whyNotCovered(basis.terms().coverage(), level, work.kind(),
                        work.serviceItem(), entry.mode());
                if (notCovered.isPresent()) {
                    reasons.add(notCovered.get() + ": charged as under HOURLY at " + rate + " €/h");
                    return new Charge(Settlement.MONEY, 0, minutes);
                }
                long covered = bands.inServiceHours();
                long charged = bands.outsideServiceHours();
                if (covered > 0) {
                    reasons.add("covered by " + level + ": " + work.serviceItem() + " in service hours (" + covered
                            + " min)");
                }
                if (charged == 0) {
                    return new Charge(Settlement.COVERED, covered, 0);
                }
                reasons.add(charged + " min outside service hours: charged as under HOURLY at " + rate + " €/h (R-C3)");
                return new Charge(Settlement.MONEY, covered, charged);
            }
        }
    }

    /** R-B1: charged minutes round up to the first unit, then to whole steps, of the role and mode. */
    private static long billedMinutes(BillingUnit unit, long chargedMinutes, TimeEntryDetails entry,
                                      List<String> reasons) {
        long billed = unit.billedMinutes(chargedMinutes);
        if (billed != chargedMinutes) {
            reasons.add("billed " + billed + " of " + chargedMinutes + " min: " + entry.role() + " " + entry.mode()
                    + " first unit " + unit.firstUnit() + ", then steps of " + unit.step() + " (R-B1)");
        }
        return billed;
    }

    /** R-H2: the after-hours minutes of a weekday, first and further, and the minutes of a weekend or holiday. */
    private static List<SurchargeBand> surchargeBands(MinuteBands bands, SurchargeRules rules, BigDecimal rate,
                                                      List<String> reasons) {
        List<SurchargeBand> surcharges = new ArrayList<>();
        band(Band.WEEKDAY_AFTER_HOURS_FIRST, bands.weekdayAfterHoursFirst(), rules.weekdayFirstPercent(), rate,
                "after hours on a weekday (R-H2)", reasons).ifPresent(surcharges::add);
        band(Band.WEEKDAY_AFTER_HOURS_FURTHER, bands.weekdayAfterHoursFurther(), rules.weekdayFurtherPercent(), rate,
                "further after hours on a weekday (R-H2)", reasons).ifPresent(surcharges::add);
        band(Band.WEEKEND_OR_HOLIDAY, bands.weekendOrHoliday(), rules.weekendHolidayPercent(), rate,
                "on a weekend day or public holiday (R-H2)", reasons).ifPresent(surcharges::add);
        return surcharges;
    }

    /** R-H4: an emergency that displaced booked appointments costs its percentage more on every billed minute. */
    private static Optional<SurchargeBand> emergencySurcharge(TimeEntryDetails entry, long billedMinutes,
                                                              BigDecimal percent, BigDecimal rate,
                                                              List<String> reasons) {
        if (!entry.emergency()) {
            return Optional.empty();
        }
        return band(Band.EMERGENCY, billedMinutes, percent, rate,
                "billed as an emergency that displaced booked appointments (R-H4)", reasons);
    }

    /** R-H3: a band's minute-equivalents are minutes × percent / 100; in money they cost the rate. */
    private static Optional<SurchargeBand> band(Band band, long minutes, BigDecimal percent, BigDecimal rate,
                                                String why, List<String> reasons) {
        if (minutes == 0 || percent.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal minuteEquivalents = BigDecimal.valueOf(minutes).multiply(percent).divide(HUNDRED);
        reasons.add(minutes + " min " + why + ": +" + percent.stripTrailingZeros().toPlainString() + " % = "
                + minuteEquivalents.stripTrailingZeros().toPlainString() + " min-eq");
        return Optional.of(new SurchargeBand(band, minutes, percent, minuteEquivalents,
                Money.forMinutes(rate, minuteEquivalents)));
    }

    /** R-C2, R-H3: the quota pays the billed minutes and the surcharges' minute-equivalents, rounded half-up. */
    private static long quotaDebit(long billedMinutes, BigDecimal minuteEquivalents, List<String> reasons) {
        long surchargeMinutes = minuteEquivalents.setScale(0, RoundingMode.HALF_UP).longValueExact();
        long quotaMinutes = billedMinutes + surchargeMinutes;
        reasons.add("debits the quota by " + billedMinutes + " billed + " + surchargeMinutes + " surcharge minutes = "
                + quotaMinutes + " min (R-C2, R-H3)");
        return quotaMinutes;
    }

    /** R-B3: on-site work that is not covered costs the travel flat fee, never for covered work. */
    private static BigDecimal travelFee(WorkMode mode, Settlement settlement, BigDecimal fee, List<String> reasons) {
        if (mode != WorkMode.ONSITE || settlement == Settlement.COVERED || fee.signum() <= 0) {
            return Money.ZERO;
        }
        BigDecimal travelFee = fee.setScale(2, RoundingMode.HALF_UP);
        reasons.add("travel flat fee " + travelFee + " € for on-site work (R-B3)");
        return travelFee;
    }
}
