package de.ticketwerk.pricing.policy;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.calendar.GermanPublicHolidays;
import de.ticketwerk.calendar.PublicHolidays;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

public final class Fixtures {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final PublicHolidays HOLIDAYS = new GermanPublicHolidays();

    private Fixtures() {
    }

    public static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }

    public static TimeEntryDetails entry(String start, String end, Role role, WorkMode mode) {
        return new TimeEntryDetails(local(start), local(end), role, mode, "work", true, null, false, "tom");
    }

    public static Work work(TimeEntryDetails entry) {
        return new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT, entry);
    }

    public static ContractTerms terms(ContractType type, ServiceLevel level) {
        return ContractTerms.defaults(type, level, FederalState.NW);
    }

    public static ContractTerms withTechnicianRate(ContractTerms terms, String rate) {
        Map<Role, BigDecimal> rates = new java.util.EnumMap<>(terms.hourlyRates());
        rates.put(Role.TECHNICIAN, new BigDecimal(rate));
        return terms.withPrices(terms.monthlyFee(), rates);
    }

    public static ContractTerms minuteExact(ContractTerms t) {
        return t.withBillingUnits(ContractTerms.minuteExactUnits());
    }

    public static PricingPolicy.Basis basis(ContractType type, ContractTerms terms) {
        return new PricingPolicy.Basis(type, type == ContractType.SERVICE ? ServiceLevel.STANDARD : null, terms, false);
    }
}
