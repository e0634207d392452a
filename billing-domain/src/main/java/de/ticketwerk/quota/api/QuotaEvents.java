package de.ticketwerk.quota.api;

import de.ticketwerk.terms.QuotaTerms;
import de.ticketwerk.ticket.api.ServiceItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The ledger of a QUOTA contract in business time (R-Q1…R-Q6). Every event names the business date it belongs to;
 * corrections of a reset or settlement name the time entry whose late recording changed it (R-Q5).
 */
public final class QuotaEvents {

    private QuotaEvents() {
    }

    public record QuotaOpened(UUID quotaId, UUID contractId, UUID customerId, QuotaTerms terms, LocalDate startDate,
                              LocalDate endDate, Instant at) {
    }

    public record QuotaEnded(UUID quotaId, UUID contractId, LocalDate endDate, Instant at) {
    }

    /**
     * Credits on or before {@code through} are booked, and the period ends before it. A ledger far behind catches up
     * a year at a time: {@code catchUpTo} is the day the next steps close it through (null: nothing left to catch up).
     */
    public record QuotaPeriodsClosed(UUID quotaId, UUID contractId, LocalDate through, LocalDate catchUpTo,
                                     Instant at) {

        public QuotaPeriodsClosed(UUID quotaId, UUID contractId, LocalDate through, Instant at) {
            this(quotaId, contractId, through, null, at);
        }
    }

    /** A lot (R-Q2); {@code paidDebt} of its minutes went to pay earlier debt. */
    public record QuotaCredited(UUID quotaId, UUID contractId, LocalDate date, long minutes, long paidDebt,
                                Instant at) {
    }

    public record QuotaDebited(UUID quotaId, UUID contractId, UUID entryId, UUID ticketId, ServiceItem serviceItem,
                               LocalDate workDate, long minutes, long sourceSequence, String actor, Instant at) {
    }

    /** {@code serviceItem} is null in events recorded before it was added. */
    public record QuotaDebitReversed(UUID quotaId, UUID contractId, UUID entryId, UUID ticketId,
                                     ServiceItem serviceItem, LocalDate workDate, long minutes, long sourceSequence,
                                     String reason, String actor, Instant at) {
    }

    /** At the end of {@code date}, these lots were forfeited (R-Q3). */
    public record QuotaReset(UUID quotaId, UUID contractId, LocalDate date, List<Lot> forfeitedLots,
                             long forfeitedMinutes, Instant at) {
    }

    /** A late entry changed a reset: the forfeit is now {@code forfeitedMinutes} instead of {@code previousMinutes}. */
    public record QuotaResetCorrected(UUID quotaId, UUID contractId, LocalDate date, long previousMinutes,
                                      List<Lot> forfeitedLots, long forfeitedMinutes, UUID causedBy, Instant at) {
    }

    /** At the end of {@code date}, a negative balance was billed as overage and the balance returned to zero (R-Q4). */
    public record QuotaOverageSettled(UUID quotaId, UUID contractId, LocalDate date, long overageMinutes,
                                      BigDecimal amount, Instant at) {
    }

    public record QuotaSettlementCorrected(UUID quotaId, UUID contractId, LocalDate date, long previousMinutes,
                                           BigDecimal previousAmount, long overageMinutes, BigDecimal amount,
                                           UUID causedBy, Instant at) {
    }

    /**
     * R-Q6: the quota should be re-sized: three settlement periods in a row ended with overage, or a reset forfeited
     * more than 30 % of the credits it drew on. {@code date} is the period end that showed it.
     */
    public record QuotaResizingRecommended(UUID quotaId, UUID contractId, LocalDate date, String reason,
                                           Instant at) {
    }

    /** The balance reached zero or below (R-Q6). */
    public record QuotaExhausted(UUID quotaId, UUID contractId, LocalDate workDate, long balance, UUID causedBy,
                                 Instant at) {
    }
}
