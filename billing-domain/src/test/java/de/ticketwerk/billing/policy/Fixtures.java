package de.ticketwerk.billing.policy;

import de.ticketwerk.contract.api.ContractTerms;
import de.ticketwerk.contract.api.ContractType;
import de.ticketwerk.contract.api.ServiceLevel;
import de.ticketwerk.customer.api.FederalState;
import de.ticketwerk.pricing.api.Work;
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

final class Fixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final PublicHolidays HOLIDAYS = new GermanPublicHolidays();

    private Fixtures() {
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }

    static TimeEntryDetails entry(String start, String end, Role role, WorkMode mode) {
        return new TimeEntryDetails(local(start), local(end), role, mode, "work", true, null, false, "tom");
    }

    static Work work(TimeEntryDetails entry) {
        return new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT, entry);
    }

    static ContractTerms terms(ContractType type, ServiceLevel level) {
        return ContractTerms.defaults(type, level, FederalState.NW);
    }

    static ContractTerms withTechnicianRate(ContractTerms terms, String rate) {
        Map<Role, BigDecimal> rates = new java.util.EnumMap<>(terms.hourlyRates());
        rates.put(Role.TECHNICIAN, new BigDecimal(rate));
        return terms.withPrices(terms.monthlyFee(), rates);
    }

    static ContractTerms minuteExact(ContractTerms t) {
        return new ContractTerms(t.monthlyFee(), t.hourlyRates(), ContractTerms.minuteExactUnits(), t.serviceHours(),
                t.holidayState(), t.zone(), t.surcharges(), t.emergencyPercent(), t.travelFee(), t.vatPercent(),
                t.coverage(), t.quota(), t.minimumTermMonths(), t.noticeMonths());
    }

    static PricingPolicy.Basis basis(ContractType type, ContractTerms terms) {
        return new PricingPolicy.Basis(type, type == ContractType.SERVICE ? ServiceLevel.STANDARD : null, terms, false);
    }
}
