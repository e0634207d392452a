package de.ticketwerk.billing.policy;

import de.ticketwerk.contract.api.BillingUnit;
import de.ticketwerk.contract.api.ContractTerms;
import de.ticketwerk.contract.api.ContractType;
import de.ticketwerk.contract.api.ServiceLevel;
import de.ticketwerk.contract.api.SurchargeRules;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.pricing.api.SurchargeBand;
import de.ticketwerk.pricing.api.SurchargeBand.Band;
import de.ticketwerk.pricing.api.Work;
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
 */
public final class PricingPolicy {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ZERO_EUR = new BigDecimal("0.00");

    private PricingPolicy() {
    }

    /** The contract a time entry is priced under: its type, level (SERVICE only) and terms on the work date. */
    public record Basis(ContractType type, ServiceLevel level, ContractTerms terms, boolean withoutContract) {
    }

    public static LocalDate workDate(TimeEntryDetails entry, ContractTerms terms) {
        return entry.start().atZone(terms.zoneId()).toLocalDate();
    }

    public static PricedEntry price(Work work, Basis basis, PublicHolidays holidays) {
        TimeEntryDetails entry = work.entry();
        ContractTerms terms = basis.terms();
        LocalDate workDate = workDate(entry, terms);
        BigDecimal rate = terms.rateFor(entry.role());
        List<String> reasons = new ArrayList<>();
        if (basis.withoutContract()) {
            reasons.add("no contract in force on " + workDate + ": priced at the default HOURLY price list");
        }
        if (!entry.billable()) {
            reasons.add("not billable: " + entry.nonBillableReason());
            return new PricedEntry(basis.type(), workDate, work.kind(), work.serviceItem(), entry.technician(),
                    entry.role(), entry.mode(), Settlement.NOT_BILLABLE,
                    entry.minutes(), 0, 0, 0, rate, ZERO_EUR, List.of(), BigDecimal.ZERO, ZERO_EUR, ZERO_EUR,
                    ZERO_EUR, 0, basis.withoutContract(), reasons);
        }

        SurchargeRules rules = terms.surcharges();
        MinuteBands bands = MinuteBands.split(entry.start(), entry.end(), ServiceCalendar.of(terms, holidays),
                rules.weekdayFirstMinutes());
        Settlement settlement = Settlement.MONEY;
        long chargedMinutes = entry.minutes();
        long coveredMinutes = 0;
        Optional<String> neverCovered = Coverage.neverCovered(work.kind(), work.serviceItem());
        switch (basis.type()) {
            case HOURLY -> reasons.add("HOURLY: charged at the " + entry.role() + " rate of " + rate + " €/h");
            case QUOTA -> {
                if (neverCovered.isPresent()) {
                    reasons.add(neverCovered.get() + ": charged as money at " + rate + " €/h, the quota is untouched");
                } else {
                    settlement = Settlement.QUOTA;
                }
            }
            case SERVICE -> {
                String level = String.valueOf(basis.level());
                Optional<String> notCovered = Coverage.whyNotCovered(terms.coverage(), level, work.kind(),
                        work.serviceItem(), entry.mode());
                if (notCovered.isPresent()) {
                    reasons.add(notCovered.get() + ": charged as under HOURLY at " + rate + " €/h");
                } else {
                    coveredMinutes = bands.inServiceHours();
                    chargedMinutes = bands.outsideServiceHours();
                    if (coveredMinutes > 0) {
                        reasons.add("covered by " + level + ": " + work.serviceItem() + " in service hours ("
                                + coveredMinutes + " min)");
                    }
                    if (chargedMinutes > 0) {
                        reasons.add(chargedMinutes + " min outside service hours: charged as under HOURLY at "
                                + rate + " €/h (R-C3)");
                    } else {
                        settlement = Settlement.COVERED;
                    }
                }
            }
        }

        BillingUnit unit = terms.unitFor(entry.role(), entry.mode());
        long billedMinutes = chargedMinutes == 0 ? 0 : unit.billedMinutes(chargedMinutes);
        if (billedMinutes != chargedMinutes) {
            reasons.add("billed " + billedMinutes + " of " + chargedMinutes + " min: " + entry.role() + " "
                    + entry.mode() + " first unit " + unit.firstUnit() + ", then steps of " + unit.step() + " (R-B1)");
        }
        boolean inMoney = settlement == Settlement.MONEY;
        BigDecimal amountRate = inMoney ? rate : BigDecimal.ZERO;
        List<SurchargeBand> surcharges = new ArrayList<>();
        if (settlement != Settlement.COVERED) {
            addBand(surcharges, reasons, Band.WEEKDAY_AFTER_HOURS_FIRST, bands.weekdayAfterHoursFirst(),
                    rules.weekdayFirstPercent(), amountRate, "after hours on a weekday (R-H2)");
            addBand(surcharges, reasons, Band.WEEKDAY_AFTER_HOURS_FURTHER, bands.weekdayAfterHoursFurther(),
                    rules.weekdayFurtherPercent(), amountRate, "further after hours on a weekday (R-H2)");
            addBand(surcharges, reasons, Band.WEEKEND_OR_HOLIDAY, bands.weekendOrHoliday(),
                    rules.weekendHolidayPercent(), amountRate, "on a weekend day or public holiday (R-H2)");
            if (entry.emergency()) {
                addBand(surcharges, reasons, Band.EMERGENCY, billedMinutes, terms.emergencyPercent(), amountRate,
                        "billed as an emergency that displaced booked appointments (R-H4)");
            }
        }
        BigDecimal minuteEquivalents = surcharges.stream().map(SurchargeBand::minuteEquivalents)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal surchargeAmount = surcharges.stream().map(SurchargeBand::amount).reduce(ZERO_EUR, BigDecimal::add);
        BigDecimal baseAmount = inMoney ? money(rate, BigDecimal.valueOf(billedMinutes)) : ZERO_EUR;

        long quotaMinutes = 0;
        if (settlement == Settlement.QUOTA) {
            long surchargeMinutes = minuteEquivalents.setScale(0, RoundingMode.HALF_UP).longValueExact();
            quotaMinutes = billedMinutes + surchargeMinutes;
            reasons.add("debits the quota by " + billedMinutes + " billed + " + surchargeMinutes
                    + " surcharge minutes = " + quotaMinutes + " min (R-C2, R-H3)");
        }
        BigDecimal travelFee = ZERO_EUR;
        if (entry.mode() == WorkMode.ONSITE && settlement != Settlement.COVERED && terms.travelFee().signum() > 0) {
            travelFee = terms.travelFee().setScale(2, RoundingMode.HALF_UP);
            reasons.add("travel flat fee " + travelFee + " € for on-site work (R-B3)");
        }
        BigDecimal netAmount = baseAmount.add(surchargeAmount).add(travelFee);
        return new PricedEntry(basis.type(), workDate, work.kind(), work.serviceItem(), entry.technician(),
                entry.role(), entry.mode(), settlement, entry.minutes(),
                coveredMinutes, chargedMinutes, billedMinutes, rate, baseAmount, surcharges, minuteEquivalents,
                surchargeAmount, travelFee, netAmount, quotaMinutes, basis.withoutContract(), reasons);
    }

    private static void addBand(List<SurchargeBand> bands, List<String> reasons, Band band, long minutes,
                                BigDecimal percent, BigDecimal rate, String why) {
        if (minutes == 0 || percent.signum() == 0) {
            return;
        }
        BigDecimal minuteEquivalents = BigDecimal.valueOf(minutes).multiply(percent).divide(HUNDRED);
        bands.add(new SurchargeBand(band, minutes, percent, minuteEquivalents, money(rate, minuteEquivalents)));
        reasons.add(minutes + " min " + why + ": +" + percent.stripTrailingZeros().toPlainString() + " % = "
                + minuteEquivalents.stripTrailingZeros().toPlainString() + " min-eq");
    }

    /** R-H3: rate × minutes / 60, half-up to the cent. */
    static BigDecimal money(BigDecimal hourlyRate, BigDecimal minutes) {
        return hourlyRate.multiply(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }
}
