package de.ticketwerk.app.contract;

import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.Euros;
import de.ticketwerk.app.web.Percent;
import de.ticketwerk.app.web.SingleLine;
import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.calendar.ServiceWindow;
import de.ticketwerk.contract.api.NoticeChannel;
import de.ticketwerk.contract.api.Party;
import de.ticketwerk.terms.BillingUnit;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractTerms.MinimumTerm;
import de.ticketwerk.terms.ContractTerms.Prices;
import de.ticketwerk.terms.ContractTerms.ServiceTimes;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.FeePayment;
import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.terms.SurchargeRules;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON bodies the contract endpoints accept. Every term is optional; what is left out is the seed default. */
final class ContractRequests {

    /** Euros per hour (rates, overage) and per entry (travel): with 24 h an entry, every amount fits NUMERIC(14,2). */
    static final String MAX_RATE = "10000.00";

    private ContractRequests() {
    }

    record ConcludeContractRequest(@NotNull java.util.UUID customerId,
                                   @NotNull ContractType type,
                                   ServiceLevel level,
                                   @NotNull @BusinessDate LocalDate startDate,
                                   @BusinessDate LocalDate endDate,
                                   @Euros BigDecimal monthlyFee,
                                   FeePayment feePayment,
                                   Map<Role, @NotNull @Euros(max = MAX_RATE) BigDecimal> hourlyRates,
                                   Boolean minuteExact,
                                   @Size(max = 8) List<@Valid @NotNull BillingUnitRequest> billingUnits,
                                   @Size(max = 14) List<@Valid @NotNull ServiceWindowRequest> serviceHours,
                                   FederalState holidayState,
                                   @Size(max = 64) @SingleLine String zone,
                                   @Min(1) @Max(2000) Integer responseHours,
                                   @Valid SurchargeRequest surcharges,
                                   @Percent BigDecimal emergencyPercent,
                                   @Euros(max = MAX_RATE) BigDecimal travelFee,
                                   @Percent(max = "100") BigDecimal vatPercent,
                                   Set<@NotNull ServiceItem> coverage,
                                   @Valid QuotaRequest quota,
                                   @Min(0) @Max(120) Integer minimumTermMonths,
                                   @Min(0) @Max(24) Integer noticeMonths) {

        /** The seed defaults for the type, with every given term put in their place. */
        ContractTerms terms(FederalState customerState) {
            ContractTerms d = ContractTerms.defaults(type, level, holidayState == null ? customerState : holidayState);
            Map<Role, BigDecimal> rates = new EnumMap<>(d.hourlyRates());
            if (hourlyRates != null) {
                rates.putAll(hourlyRates);
            }
            List<BillingUnit> units = new ArrayList<>(Boolean.TRUE.equals(minuteExact)
                    ? ContractTerms.minuteExactUnits() : d.billingUnits());
            if (billingUnits != null) {
                for (BillingUnitRequest given : billingUnits) {
                    units.removeIf(u -> u.role() == given.role() && u.mode() == given.mode());
                    units.add(new BillingUnit(given.role(), given.mode(), given.firstUnit(), given.step()));
                }
            }
            List<ServiceWindow> windows = serviceHours == null ? d.serviceHours()
                    : serviceHours.stream().map(w -> new ServiceWindow(w.day(), w.from(), w.to())).toList();
            return new ContractTerms(
                    new Prices(or(monthlyFee, d.monthlyFee()), or(feePayment, d.feePayment()), rates,
                            or(travelFee, d.travelFee()), or(vatPercent, d.vatPercent())),
                    units,
                    new ServiceTimes(windows, d.holidayState(), or(zone, d.zone()), responseHours),
                    surcharges == null ? d.surcharges() : surcharges.rules(d.surcharges()),
                    or(emergencyPercent, d.emergencyPercent()),
                    coverage == null ? d.coverage() : coverage,
                    quota == null ? d.quota() : quota.terms(d.quota() == null ? QuotaTerms.SEED_000 : d.quota()),
                    new MinimumTerm(or(minimumTermMonths, d.minimumTermMonths()), or(noticeMonths,
                            d.noticeMonths())));
        }
    }

    record BillingUnitRequest(@NotNull Role role, @NotNull WorkMode mode, @NotNull @Min(0) @Max(1440) Integer firstUnit,
                              @NotNull @Min(1) @Max(1440) Integer step) {
    }

    record ServiceWindowRequest(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {
    }

    record SurchargeRequest(@Min(0) @Max(1440) Integer weekdayFirstMinutes,
                            @Percent BigDecimal weekdayFirstPercent,
                            @Percent BigDecimal weekdayFurtherPercent,
                            @Percent BigDecimal weekendHolidayPercent) {

        SurchargeRules rules(SurchargeRules d) {
            return new SurchargeRules(or(weekdayFirstMinutes, d.weekdayFirstMinutes()),
                    or(weekdayFirstPercent, d.weekdayFirstPercent()),
                    or(weekdayFurtherPercent, d.weekdayFurtherPercent()),
                    or(weekendHolidayPercent, d.weekendHolidayPercent()));
        }
    }

    record QuotaRequest(@Min(0) @Max(10_000_000) Long allotmentMinutes,
                        QuotaTerms.AllotmentPeriod period,
                        QuotaTerms.ExpiryPolicy expiry,
                        QuotaTerms.SettlementPeriod settlement,
                        @Euros(max = MAX_RATE) BigDecimal overageRate) {

        QuotaTerms terms(QuotaTerms d) {
            return new QuotaTerms(or(allotmentMinutes, d.allotmentMinutes()), or(period, d.period()),
                    or(expiry, d.expiry()), or(settlement, d.settlement()), or(overageRate, d.overageRate()));
        }
    }

    record PriceChangeRequest(@BusinessDate LocalDate announcedOn,
                              @NotNull @BusinessDate LocalDate effectiveFrom,
                              @Euros BigDecimal monthlyFee,
                              Map<Role, @NotNull @Euros(max = MAX_RATE) BigDecimal> hourlyRates) {
    }

    record TerminationRequest(@NotNull @BusinessDate LocalDate receivedOn,
                              @NotNull NoticeChannel channel,
                              @NotNull Party by,
                              Boolean specialRight) {
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }
}
