package de.ticketwerk.terms;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.ticketwerk.calendar.Days;
import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.calendar.ServiceCalendar;
import de.ticketwerk.calendar.ServiceWindow;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a contract says about money and time, in parts that cannot be passed in each other's place; stored and
 * answered, they are fields of the terms as before ({@link JsonUnwrapped}). {@link #defaults} gives the seed values
 * of DOMAIN.md; every term can be set. A rate for every role and a billing unit for every role and mode are required.
 */
public record ContractTerms(
        @JsonUnwrapped Prices prices,
        List<BillingUnit> billingUnits,
        @JsonUnwrapped ServiceTimes serviceTimes,
        SurchargeRules surcharges,
        BigDecimal emergencyPercent,
        Set<ServiceItem> coverage,
        QuotaTerms quota,
        @JsonUnwrapped MinimumTerm minimumTerm) {

    public static final String DEFAULT_ZONE = "Europe/Berlin";
    /** The standard rate of German VAT (§ 12 (1) UStG): every contract's default, and work without a contract. */
    public static final BigDecimal DEFAULT_VAT_PERCENT = new BigDecimal("19");

    /**
     * R-B2, R-B3, R-C8, R-I3: the monthly fee and how it is paid (on the invoices unless given), a rate for every
     * role, the travel flat fee and the VAT rate.
     */
    public record Prices(BigDecimal monthlyFee, FeePayment feePayment, Map<Role, BigDecimal> hourlyRates,
                         BigDecimal travelFee, BigDecimal vatPercent) {

        public Prices {
            feePayment = feePayment == null ? FeePayment.INVOICE : feePayment;
            Terms.requireNonNegative("R-C8", "monthlyFee", monthlyFee);
            Terms.requireNonNegative("R-B3", "travelFee", travelFee);
            Terms.requireNonNegative("R-B2", "vatPercent", vatPercent);
            hourlyRates = completeRates(hourlyRates);
        }
    }

    /**
     * R-H1: the weekly service hours, the federal state whose public holidays apply, and the zone of both; R-S2: the
     * response time this contract promises in service hours, null where it promises none beyond its level's (R-C5).
     */
    public record ServiceTimes(List<ServiceWindow> serviceHours, FederalState holidayState, String zone,
                               Integer responseHours) {

        public ServiceTimes {
            Objects.requireNonNull(holidayState, "holidayState is required");
            if (responseHours != null && responseHours < 1) {
                throw new RuleViolation("R-S2", "responseHours must be at least 1");
            }
            serviceHours = serviceHours == null ? List.of() : List.copyOf(serviceHours);
            zone = zone == null ? DEFAULT_ZONE : zone;
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new RuleViolation("R-H1", "unknown time zone '" + zone + "'");
            }
        }

        /** R-H1: these service hours in their zone, without the public holidays of their state. */
        public ServiceCalendar calendar(PublicHolidays holidays) {
            return new ServiceCalendar(serviceHours, holidayState, ZoneId.of(zone), holidays);
        }
    }

    /** R-C6: the minimum term and the notice period, in months. */
    public record MinimumTerm(int minimumTermMonths, int noticeMonths) {

        public MinimumTerm {
            if (minimumTermMonths < 0) {
                throw new RuleViolation("R-C6", "the minimum term must not be negative");
            }
            if (noticeMonths < 0) {
                throw new RuleViolation("R-C6", "the notice period must not be negative");
            }
        }
    }

    public ContractTerms {
        Objects.requireNonNull(prices, "prices are required");
        Objects.requireNonNull(serviceTimes, "service times are required");
        Objects.requireNonNull(minimumTerm, "the minimum term is required");
        Objects.requireNonNull(surcharges, "surcharges are required");
        Terms.requireNonNegative("R-H4", "emergencyPercent", emergencyPercent);
        billingUnits = completeUnits(billingUnits);
        coverage = coverage == null || coverage.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(coverage));
    }

    /** The seed values of DOMAIN.md for a new contract; the holiday state is usually the customer's. */
    public static ContractTerms defaults(ContractType type, ServiceLevel level, FederalState holidayState) {
        BigDecimal monthlyFee = type == ContractType.HOURLY ? new BigDecimal("0.00") : new BigDecimal("149.00");
        Set<ServiceItem> coverage = type == ContractType.SERVICE && level != null ? level.includedItems() : Set.of();
        QuotaTerms quota = type == ContractType.QUOTA ? QuotaTerms.SEED_000 : null;
        return new ContractTerms(new Prices(monthlyFee, FeePayment.INVOICE, defaultRates(), new BigDecimal("0.00"),
                DEFAULT_VAT_PERCENT),
                seedUnits(), new ServiceTimes(officeHours(), holidayState, DEFAULT_ZONE, null), SurchargeRules.SEED_000,
                new BigDecimal("0"), coverage, quota, new MinimumTerm(24, 3));
    }

    /** TECHNICIAN 90 €/h is DOMAIN.md's rate; the seeds name no others, so these are the shipped defaults. */
    public static Map<Role, BigDecimal> defaultRates() {
        Map<Role, BigDecimal> rates = new EnumMap<>(Role.class);
        rates.put(Role.TECHNICIAN, new BigDecimal("90.00"));
        rates.put(Role.SYSTEM_ENGINEER, new BigDecimal("110.00"));
        rates.put(Role.CONSULTANT, new BigDecimal("130.00"));
        rates.put(Role.ARCHITECT, new BigDecimal("150.00"));
        return rates;
    }

    /** R-B1, seed 003. */
    public static List<BillingUnit> seedUnits() {
        List<BillingUnit> units = new ArrayList<>();
        for (Role role : Role.values()) {
            boolean senior = role == Role.CONSULTANT || role == Role.ARCHITECT;
            units.add(new BillingUnit(role, WorkMode.ONSITE, senior ? 240 : 120, 30));
            units.add(new BillingUnit(role, WorkMode.REMOTE, senior ? 120 : 15, 15));
        }
        return units;
    }

    /** Seed 000: minute-exact billing. */
    public static List<BillingUnit> minuteExactUnits() {
        List<BillingUnit> units = new ArrayList<>();
        for (Role role : Role.values()) {
            for (WorkMode mode : WorkMode.values()) {
                units.add(new BillingUnit(role, mode, 0, 1));
            }
        }
        return units;
    }

    /** R-H1: Monday to Friday 09:00–17:00. */
    public static List<ServiceWindow> officeHours() {
        return weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0), null);
    }

    /** Seed 003's bookable extended window: weekdays 06:00–20:00, Saturday 08:00–14:00. */
    public static List<ServiceWindow> extendedHours() {
        return weekdays(LocalTime.of(6, 0), LocalTime.of(20, 0),
                new ServiceWindow(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(14, 0)));
    }

    private static List<ServiceWindow> weekdays(LocalTime from, LocalTime to, ServiceWindow saturday) {
        List<ServiceWindow> windows = new ArrayList<>();
        for (DayOfWeek day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
            windows.add(new ServiceWindow(day, from, to));
        }
        if (saturday != null) {
            windows.add(saturday);
        }
        return windows;
    }

    public BigDecimal monthlyFee() {
        return prices.monthlyFee();
    }

    public FeePayment feePayment() {
        return prices.feePayment();
    }

    public Map<Role, BigDecimal> hourlyRates() {
        return prices.hourlyRates();
    }

    public BigDecimal travelFee() {
        return prices.travelFee();
    }

    public BigDecimal vatPercent() {
        return prices.vatPercent();
    }

    public List<ServiceWindow> serviceHours() {
        return serviceTimes.serviceHours();
    }

    public FederalState holidayState() {
        return serviceTimes.holidayState();
    }

    public String zone() {
        return serviceTimes.zone();
    }

    public Integer responseHours() {
        return serviceTimes.responseHours();
    }

    public int minimumTermMonths() {
        return minimumTerm.minimumTermMonths();
    }

    public int noticeMonths() {
        return minimumTerm.noticeMonths();
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone());
    }

    /** R-H1: the service hours of these terms in their zone, without the public holidays of their state. */
    public ServiceCalendar serviceCalendar(PublicHolidays holidays) {
        return serviceTimes.calendar(holidays);
    }

    /** The business day {@code instant} falls on in these terms' zone. */
    public LocalDate dayOf(Instant instant) {
        return Days.dayOf(instant, zoneId());
    }

    public BigDecimal rateFor(Role role) {
        return hourlyRates().get(role);
    }

    public BillingUnit unitFor(Role role, WorkMode mode) {
        return billingUnits.stream().filter(u -> u.role() == role && u.mode() == mode).findFirst().orElseThrow();
    }

    public ContractTerms withPrices(BigDecimal newMonthlyFee, Map<Role, BigDecimal> newRates) {
        return withPrices(new Prices(newMonthlyFee, prices.feePayment(), newRates, prices.travelFee(),
                prices.vatPercent()));
    }

    public ContractTerms withTravelFee(BigDecimal newTravelFee) {
        return withPrices(new Prices(prices.monthlyFee(), prices.feePayment(), prices.hourlyRates(), newTravelFee,
                prices.vatPercent()));
    }

    public ContractTerms withPrices(Prices newPrices) {
        return new ContractTerms(newPrices, billingUnits, serviceTimes, surcharges, emergencyPercent, coverage, quota,
                minimumTerm);
    }

    public ContractTerms withBillingUnits(List<BillingUnit> newUnits) {
        return new ContractTerms(prices, newUnits, serviceTimes, surcharges, emergencyPercent, coverage, quota,
                minimumTerm);
    }

    private static Map<Role, BigDecimal> completeRates(Map<Role, BigDecimal> rates) {
        if (rates == null) {
            throw new RuleViolation("R-B2", "hourly rates are required");
        }
        Map<Role, BigDecimal> complete = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            BigDecimal rate = rates.get(role);
            Terms.requireNonNegative("R-B2", "the hourly rate of " + role, rate);
            complete.put(role, rate);
        }
        return Collections.unmodifiableMap(complete);
    }

    private static List<BillingUnit> completeUnits(List<BillingUnit> units) {
        if (units == null) {
            throw new RuleViolation("R-B1", "billing units are required");
        }
        for (Role role : Role.values()) {
            for (WorkMode mode : WorkMode.values()) {
                long count = units.stream().filter(u -> u.role() == role && u.mode() == mode).count();
                if (count != 1) {
                    throw new RuleViolation("R-B1", "exactly one billing unit is needed for " + role + " " + mode
                            + ", found " + count);
                }
            }
        }
        return List.copyOf(units);
    }
}
