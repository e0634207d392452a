package de.ticketwerk.pricing.api;

import de.ticketwerk.terms.ContractType;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole pricing decision for one time entry, with a reason for every decision, so that no reader ever recomputes
 * policy. {@code rawMinutes} were worked; {@code coveredMinutes} of them are included in a service level;
 * {@code chargedMinutes} are charged and round up to {@code billedMinutes} (R-B1). Money is net, half-up to the cent.
 */
public record PricedEntry(
        ContractType pricedAs,
        LocalDate workDate,
        TicketKind kind,
        ServiceItem serviceItem,
        String technician,
        Role role,
        WorkMode mode,
        Settlement settlement,
        long rawMinutes,
        long coveredMinutes,
        long chargedMinutes,
        long billedMinutes,
        BigDecimal hourlyRate,
        BigDecimal baseAmount,
        List<SurchargeBand> surcharges,
        BigDecimal surchargeMinuteEquivalents,
        BigDecimal surchargeAmount,
        BigDecimal travelFee,
        BigDecimal netAmount,
        long quotaMinutes,
        boolean withoutContract,
        List<String> reasons) {

    /** Contracts keep every active pricing for its reversal, so equal texts (a few hundred kinds) share one copy. */
    public PricedEntry {
        technician = technician == null ? null : technician.intern();
        surcharges = List.copyOf(surcharges);
        reasons = reasons.stream().map(String::intern).toList();
    }
}
