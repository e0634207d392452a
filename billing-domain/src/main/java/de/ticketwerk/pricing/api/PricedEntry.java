package de.ticketwerk.pricing.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * policy. Its minutes and its money are parts of their own, so that the two cannot be passed in each other's place;
 * stored and answered, they are fields of the entry as before ({@link JsonUnwrapped}).
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
        @JsonUnwrapped Minutes minutes,
        @JsonUnwrapped Amounts amounts,
        List<SurchargeBand> surcharges,
        boolean withoutContract,
        List<String> reasons) {

    /**
     * {@code rawMinutes} were worked; {@code coveredMinutes} of them are included in a service level;
     * {@code chargedMinutes} are charged and round up to {@code billedMinutes} (R-B1); the surcharges add
     * {@code surchargeMinuteEquivalents} (R-H3); a quota pays {@code quotaMinutes} (R-C2).
     */
    public record Minutes(long rawMinutes, long coveredMinutes, long chargedMinutes, long billedMinutes,
                          BigDecimal surchargeMinuteEquivalents, long quotaMinutes) {
    }

    /** Net euros, half-up to the cent: the rate, what the billed minutes, the surcharges and travel cost. */
    public record Amounts(BigDecimal hourlyRate, BigDecimal baseAmount, BigDecimal surchargeAmount,
                          BigDecimal travelFee, BigDecimal netAmount) {
    }

    /** Contracts keep every active pricing for its reversal, so equal texts (a few hundred kinds) share one copy. */
    public PricedEntry {
        technician = technician == null ? null : technician.intern();
        surcharges = List.copyOf(surcharges);
        reasons = reasons.stream().map(String::intern).toList();
    }

    public long rawMinutes() {
        return minutes.rawMinutes();
    }

    public long coveredMinutes() {
        return minutes.coveredMinutes();
    }

    public long chargedMinutes() {
        return minutes.chargedMinutes();
    }

    public long billedMinutes() {
        return minutes.billedMinutes();
    }

    public BigDecimal surchargeMinuteEquivalents() {
        return minutes.surchargeMinuteEquivalents();
    }

    public long quotaMinutes() {
        return minutes.quotaMinutes();
    }

    public BigDecimal hourlyRate() {
        return amounts.hourlyRate();
    }

    public BigDecimal baseAmount() {
        return amounts.baseAmount();
    }

    public BigDecimal surchargeAmount() {
        return amounts.surchargeAmount();
    }

    public BigDecimal travelFee() {
        return amounts.travelFee();
    }

    public BigDecimal netAmount() {
        return amounts.netAmount();
    }
}
