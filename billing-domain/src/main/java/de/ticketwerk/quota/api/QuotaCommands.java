package de.ticketwerk.quota.api;

import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.ticket.api.ServiceItem;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Commands to the ledger of a QUOTA contract. {@code through} is today: credits up to it, period ends before it. */
public final class QuotaCommands {

    private QuotaCommands() {
    }

    public record OpenQuota(@TargetAggregateIdentifier UUID quotaId, UUID contractId, UUID customerId,
                            QuotaTerms terms, LocalDate startDate, LocalDate endDate, LocalDate through,
                            Instant at) {
    }

    public record EndQuota(@TargetAggregateIdentifier UUID quotaId, LocalDate endDate, Instant at) {
    }

    public record RecordQuotaUsage(@TargetAggregateIdentifier UUID quotaId, UUID entryId, UUID ticketId,
                                   ServiceItem serviceItem, LocalDate workDate, long minutes, long sourceSequence,
                                   String actor, Instant at) {
    }

    public record ReverseQuotaUsage(@TargetAggregateIdentifier UUID quotaId, UUID entryId, UUID ticketId,
                                    ServiceItem serviceItem, long sourceSequence, String reason, String actor,
                                    Instant at) {
    }

    public record CloseQuotaPeriods(@TargetAggregateIdentifier UUID quotaId, LocalDate through, Instant at) {
    }
}
