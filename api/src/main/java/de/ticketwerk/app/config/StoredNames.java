package de.ticketwerk.app.config;

import de.ticketwerk.contract.api.ContractEvents;
import de.ticketwerk.contract.domain.Contract;
import de.ticketwerk.customer.api.CustomerEvents;
import de.ticketwerk.customer.domain.Customer;
import de.ticketwerk.invoice.api.InvoiceEvents;
import de.ticketwerk.invoice.domain.Invoice;
import de.ticketwerk.invoice.domain.NumberSeries;
import de.ticketwerk.pricing.api.PricingEvents;
import de.ticketwerk.quota.api.QuotaEvents;
import de.ticketwerk.quota.domain.Quota;
import de.ticketwerk.ticket.api.TicketEvents;
import de.ticketwerk.ticket.domain.Ticket;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names under which events and snapshots are stored, a contract with every store ever written: a Java class may
 * move or be renamed, its stored name stays. Revision {@value #REVISION} is the payload as the type is today; a row
 * without a revision was written before the names, under the class name, with the same payload: when a class moves,
 * map its old class name to it here as well, so that those rows keep loading. A new payload shape gets a new revision
 * and an upcaster.
 */
final class StoredNames {

    static final String REVISION = "1";
    /**
     * A snapshot holds the aggregate's fields as they were when it was taken. Revision 2 added the revisions (ETag)
     * and whose time entry is whose: a snapshot of another revision is not used, the aggregate is replayed from its
     * events instead and snapshotted again.
     */
    static final String SNAPSHOT_REVISION = "2";

    private static final Map<Class<?>, String> NAMES = new HashMap<>();
    private static final Map<String, Class<?>> TYPES = new HashMap<>();
    private static final Set<Class<?>> SNAPSHOTS = new HashSet<>();

    static {
        name("ticket.TicketOpened", TicketEvents.TicketOpened.class);
        name("ticket.TicketClassified", TicketEvents.TicketClassified.class);
        name("ticket.TicketReprioritized", TicketEvents.TicketReprioritized.class);
        name("ticket.TicketAssigned", TicketEvents.TicketAssigned.class);
        name("ticket.WorkStarted", TicketEvents.WorkStarted.class);
        name("ticket.CustomerInputRequested", TicketEvents.CustomerInputRequested.class);
        name("ticket.WorkResumed", TicketEvents.WorkResumed.class);
        name("ticket.TicketResolved", TicketEvents.TicketResolved.class);
        name("ticket.TicketReopened", TicketEvents.TicketReopened.class);
        name("ticket.TicketClosed", TicketEvents.TicketClosed.class);
        name("ticket.TicketEscalated", TicketEvents.TicketEscalated.class);
        name("ticket.CommentAdded", TicketEvents.CommentAdded.class);
        name("ticket.TimeLogged", TicketEvents.TimeLogged.class);
        name("ticket.TimeEntryCorrected", TicketEvents.TimeEntryCorrected.class);
        name("ticket.TimeEntryVoided", TicketEvents.TimeEntryVoided.class);
        name("ticket.ResponseDeadlineMet", TicketEvents.ResponseDeadlineMet.class);
        name("ticket.ResponseDeadlineBreached", TicketEvents.ResponseDeadlineBreached.class);

        name("customer.CustomerRegistered", CustomerEvents.CustomerRegistered.class);
        name("customer.CustomerUpdated", CustomerEvents.CustomerUpdated.class);

        name("contract.ContractConcluded", ContractEvents.ContractConcluded.class);
        name("contract.PriceChangeAnnounced", ContractEvents.PriceChangeAnnounced.class);
        name("contract.ContractTerminated", ContractEvents.ContractTerminated.class);

        name("pricing.TimeEntryPriced", PricingEvents.TimeEntryPriced.class);
        name("pricing.SurchargeApplied", PricingEvents.SurchargeApplied.class);
        name("pricing.TimeEntryPricingReversed", PricingEvents.TimeEntryPricingReversed.class);

        name("quota.QuotaOpened", QuotaEvents.QuotaOpened.class);
        name("quota.QuotaEnded", QuotaEvents.QuotaEnded.class);
        name("quota.QuotaPeriodsClosed", QuotaEvents.QuotaPeriodsClosed.class);
        name("quota.QuotaCredited", QuotaEvents.QuotaCredited.class);
        name("quota.QuotaDebited", QuotaEvents.QuotaDebited.class);
        name("quota.QuotaDebitReversed", QuotaEvents.QuotaDebitReversed.class);
        name("quota.QuotaReset", QuotaEvents.QuotaReset.class);
        name("quota.QuotaResetCorrected", QuotaEvents.QuotaResetCorrected.class);
        name("quota.QuotaOverageSettled", QuotaEvents.QuotaOverageSettled.class);
        name("quota.QuotaSettlementCorrected", QuotaEvents.QuotaSettlementCorrected.class);
        name("quota.QuotaResizingRecommended", QuotaEvents.QuotaResizingRecommended.class);
        name("quota.QuotaExhausted", QuotaEvents.QuotaExhausted.class);

        name("invoice.InvoiceDrafted", InvoiceEvents.InvoiceDrafted.class);
        name("invoice.InvoiceEntryHeldBack", InvoiceEvents.InvoiceEntryHeldBack.class);
        name("invoice.InvoiceIssued", InvoiceEvents.InvoiceIssued.class);
        name("invoice.InvoiceCancelled", InvoiceEvents.InvoiceCancelled.class);
        name("invoice.DocumentNumberTaken", InvoiceEvents.DocumentNumberTaken.class);
        name("invoice.BillingRunRecorded", InvoiceEvents.BillingRunRecorded.class);

        snapshot("ticket.TicketSnapshot", Ticket.class);
        snapshot("customer.CustomerSnapshot", Customer.class);
        snapshot("contract.ContractSnapshot", Contract.class);
        snapshot("quota.QuotaSnapshot", Quota.class);
        snapshot("invoice.InvoiceSnapshot", Invoice.class);
        snapshot("invoice.NumberSeriesSnapshot", NumberSeries.class);
    }

    private StoredNames() {
    }

    private static void name(String name, Class<?> type) {
        if (NAMES.put(type, name) != null || TYPES.put(name, type) != null) {
            throw new IllegalStateException("stored twice: " + name + ", " + type.getName());
        }
    }

    private static void snapshot(String name, Class<?> aggregate) {
        name(name, aggregate);
        SNAPSHOTS.add(aggregate);
    }

    static Optional<SerializedType> typeOf(Class<?> type) {
        return Optional.ofNullable(NAMES.get(type)).map(name -> new SimpleSerializedType(name,
                SNAPSHOTS.contains(type) ? SNAPSHOT_REVISION : REVISION));
    }

    static boolean isCurrentSnapshot(DomainEventData<?> snapshot) {
        return SNAPSHOT_REVISION.equals(snapshot.getPayload().getType().getRevision());
    }

    /** The class of a stored name; absent for names of types outside this mapping (Axon's own, such as tokens). */
    static Optional<Class<?>> classOf(String storedName) {
        return Optional.ofNullable(TYPES.get(storedName));
    }

    static Map<Class<?>, String> all() {
        return Map.copyOf(NAMES);
    }
}
