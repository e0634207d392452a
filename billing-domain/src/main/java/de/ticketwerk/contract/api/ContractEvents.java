package de.ticketwerk.contract.api;

import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

public final class ContractEvents {

    private ContractEvents() {
    }

    /** {@code noticeDeadline}: the last day notice can be received to end the contract with its minimum term. */
    public record ContractConcluded(UUID contractId, UUID customerId, ContractType type, ServiceLevel level,
                                    LocalDate startDate, LocalDate endDate, LocalDate minimumTermEnd,
                                    LocalDate noticeDeadline, ContractTerms terms, String actor, Instant at) {
    }

    /**
     * New prices from {@code effectiveFrom}. The customer may end the contract so that they never apply: it then
     * ends on {@code specialTerminationEnd}, the day before (R-C7).
     */
    public record PriceChangeAnnounced(UUID contractId, UUID customerId, LocalDate announcedOn,
                                       LocalDate effectiveFrom, BigDecimal monthlyFee,
                                       Map<Role, BigDecimal> hourlyRates, LocalDate specialTerminationEnd,
                                       String actor, Instant at) {
    }

    /** {@code endDate} is the last day the contract is in force. */
    public record ContractTerminated(UUID contractId, UUID customerId, LocalDate receivedOn, NoticeChannel channel,
                                     Party by, boolean specialRight, LocalDate noticeDeadline, LocalDate endDate,
                                     String actor, Instant at) {
    }
}
