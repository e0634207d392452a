package de.ticketwerk.pricing.api;

import de.ticketwerk.terms.ContractTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * What the pricing process asks of a contract, or of the customer when no contract is in force. {@code sourceSequence}
 * is the sequence number of the ticket event that caused the request: a request whose number was already handled for
 * the entry changes nothing, so a redelivered event never prices twice.
 */
public final class PricingCommands {

    private PricingCommands() {
    }

    public record PriceTimeEntry(@TargetAggregateIdentifier UUID contractId, UUID entryId, UUID ticketId,
                                 long sourceSequence, Work work, String actor, Instant at) {
    }

    public record ReverseTimeEntryPricing(@TargetAggregateIdentifier UUID contractId, UUID entryId, UUID ticketId,
                                          long sourceSequence, String reason, String actor, Instant at) {
    }

    public record PriceWorkWithoutContract(@TargetAggregateIdentifier UUID customerId, UUID entryId, UUID ticketId,
                                           long sourceSequence, Work work, ContractTerms defaultPriceList,
                                           String actor, Instant at) {
    }

    public record ReverseWorkWithoutContract(@TargetAggregateIdentifier UUID customerId, UUID entryId, UUID ticketId,
                                             long sourceSequence, String reason, String actor, Instant at) {
    }
}
