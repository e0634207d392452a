package de.ticketwerk.contract.api;

import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

public final class ContractCommands {

    private ContractCommands() {
    }

    /** {@code endDate} is null for a contract that runs until it is terminated (R-C6); {@code level} is for SERVICE. */
    public record ConcludeContract(UUID contractId, UUID customerId, ContractType type, ServiceLevel level,
                                   LocalDate startDate, LocalDate endDate, ContractTerms terms, String actor,
                                   Instant at) {
    }

    /** Null prices stay as they are; a null {@code announcedOn} is the day of {@code at} in the contract's zone. */
    public record AnnouncePriceChange(@TargetAggregateIdentifier UUID contractId, LocalDate announcedOn,
                                      LocalDate effectiveFrom, BigDecimal monthlyFee, Map<Role, BigDecimal> hourlyRates,
                                      String actor, Instant at) {
    }

    /** {@code specialRight}: the customer ends the contract before an announced price change takes effect (R-C7). */
    public record TerminateContract(@TargetAggregateIdentifier UUID contractId, LocalDate receivedOn,
                                    NoticeChannel channel, Party by, boolean specialRight, String actor, Instant at) {
    }
}
