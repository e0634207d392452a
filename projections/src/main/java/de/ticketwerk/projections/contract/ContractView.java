package de.ticketwerk.projections.contract;

import de.ticketwerk.calendar.Days;
import de.ticketwerk.contract.api.NoticeChannel;
import de.ticketwerk.contract.api.Party;
import de.ticketwerk.invoice.policy.MonthlyFees;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.PriceChange;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contract with its terms as concluded, its announced price changes and its termination. {@code endDate} is the
 * last day in force (null: runs until terminated); {@code noticeDeadline} is the last day notice can be received to
 * end it with the minimum term.
 */
public record ContractView(UUID contractId, UUID customerId, ContractType type, ServiceLevel level,
                           LocalDate startDate, LocalDate endDate, LocalDate minimumTermEnd, LocalDate noticeDeadline,
                           ContractTerms terms, List<PriceChangeView> priceChanges, TerminationView termination,
                           String concludedBy, Instant concludedAt) {

    public record PriceChangeView(LocalDate announcedOn, LocalDate effectiveFrom, BigDecimal monthlyFee,
                                  Map<Role, BigDecimal> hourlyRates, LocalDate specialTerminationEnd,
                                  String announcedBy, Instant announcedAt) {
    }

    public record TerminationView(LocalDate receivedOn, NoticeChannel channel, Party by, boolean specialRight,
                                  LocalDate noticeDeadline, LocalDate endDate, String recordedBy,
                                  Instant recordedAt) {
    }

    public ContractView {
        priceChanges = priceChanges == null ? List.of() : List.copyOf(priceChanges);
    }

    /** The conclusion, the price changes and the termination this shows: the contract's ETag. */
    public long revision() {
        return 1 + priceChanges.size() + (termination == null ? 0 : 1);
    }

    public ContractView withPriceChange(PriceChangeView change) {
        List<PriceChangeView> changes = new ArrayList<>(priceChanges);
        changes.add(change);
        return new ContractView(contractId, customerId, type, level, startDate, endDate, minimumTermEnd,
                noticeDeadline, terms, changes, termination, concludedBy, concludedAt);
    }

    public ContractView withTermination(TerminationView ended) {
        return new ContractView(contractId, customerId, type, level, startDate, ended.endDate(), minimumTermEnd,
                noticeDeadline, terms, priceChanges, ended, concludedBy, concludedAt);
    }

    /** The terms on {@code date}, with the price changes that took effect by then. */
    public ContractTerms termsOn(LocalDate date) {
        return PriceChange.termsOn(terms, announcedPrices(), date);
    }

    /** R-C8: the fee of {@code month}, as in force on the day it falls due; zero when the contract is not. */
    public BigDecimal monthlyFee(YearMonth month) {
        return MonthlyFees.fee(startDate, endDate, terms, announcedPrices(), month);
    }

    /** The announced price changes as the terms know them. */
    public List<PriceChange> announcedPrices() {
        return priceChanges.stream().map(c -> new PriceChange(c.effectiveFrom(), c.monthlyFee(), c.hourlyRates()))
                .toList();
    }

    public boolean inForceOn(LocalDate date) {
        return Days.within(date, startDate, endDate);
    }
}
