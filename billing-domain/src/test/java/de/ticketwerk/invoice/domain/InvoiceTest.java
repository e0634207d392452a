package de.ticketwerk.invoice.domain;

import de.ticketwerk.customer.api.Address;
import de.ticketwerk.invoice.api.InvoiceCommands.CancelInvoice;
import de.ticketwerk.invoice.api.InvoiceCommands.DraftInvoice;
import de.ticketwerk.invoice.api.InvoiceCommands.HoldBackEntry;
import de.ticketwerk.invoice.api.InvoiceCommands.IssueInvoice;
import de.ticketwerk.invoice.api.InvoiceEvents.DocumentNumberTaken;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceCancelled;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceDrafted;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceEntryHeldBack;
import de.ticketwerk.invoice.api.InvoiceEvents.InvoiceIssued;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;
import de.ticketwerk.invoice.api.InvoiceParties;
import de.ticketwerk.invoice.api.InvoiceParties.Party;
import de.ticketwerk.invoice.policy.InvoiceMoney;
import de.ticketwerk.ports.InvoicedEntries;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice and how it is issued (R-I2, R-I4…R-I7), on Axon's aggregate fixture; the number series live in a store
 * of their own here, so that the numbers an issue takes, or does not take, can be read back.
 */
class InvoiceTest {

    private static final UUID INVOICE = UUID.fromString("00000000-0000-0000-0000-0000000001a1");
    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID S5 = UUID.fromString("00000000-0000-0000-0000-0000000000e5");
    private static final UUID B1 = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");
    private static final LocalDate APRIL_1 = LocalDate.parse("2026-04-01");
    private static final Address ADDRESS = new Address("Marktstraße 1", "48143", "Münster", "DE");
    private static final InvoiceLine S5_LINE = work(S5, "265.21");
    private static final InvoiceLine B1_LINE = work(B1, "23.75");

    private AggregateTestFixture<Invoice> fixture;
    private EventStore seriesStore;
    private Map<UUID, BigDecimal> invoicedElsewhere;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        seriesStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        invoicedElsewhere = Map.of();
        fixture.registerAnnotatedCommandHandler(new InvoiceIssuing(fixture.getRepository(),
                EventSourcingRepository.builder(NumberSeries.class).eventStore(seriesStore).build(),
                new InvoicedEntries() {
                    @Override
                    public Map<UUID, BigDecimal> invoicedNet(Collection<UUID> entryIds) {
                        return invoicedElsewhere;
                    }

                    @Override
                    public Map<UUID, String> lastIssuedIn(Collection<UUID> entryIds) {
                        return Map.of();
                    }
                }));
    }

    @Test
    void aDraftCarriesItsLinesWithTheirTotalsAndTheSameDraftAgainStoresNothing() {
        List<InvoiceLine> lines = List.of(S5_LINE, B1_LINE);
        fixture.givenNoPriorActivity()
                .when(draft(lines))
                .expectEvents(new InvoiceDrafted(INVOICE, CUSTOMER, MARCH, lines, InvoiceMoney.totals(lines), List.of(),
                        "finance", AT));
        assertThat(InvoiceMoney.totals(lines).gross()).isEqualByComparingTo("343.86");

        fixture.given(drafted(lines)).when(draft(lines)).expectNoEvents();
    }

    @Test
    void aHeldBackEntryLeavesTheDraftAndStaysOutOfEveryLaterDraftOfTheMonth() {
        fixture.given(drafted(List.of(S5_LINE, B1_LINE)))
                .when(new HoldBackEntry(INVOICE, B1, "Customer disputes the call", "finance", AT))
                .expectEvents(new InvoiceEntryHeldBack(INVOICE, CUSTOMER, B1, "Customer disputes the call",
                        List.of(S5_LINE), InvoiceMoney.totals(List.of(S5_LINE)), "finance", AT));

        fixture.given(drafted(List.of(S5_LINE, B1_LINE)), heldBack(B1))
                .when(draft(List.of(S5_LINE, B1_LINE)))
                .expectNoEvents();
        fixture.given(drafted(List.of(S5_LINE)))
                .when(new HoldBackEntry(INVOICE, B1, "not on it", "finance", AT))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("entry " + B1 + " is not on invoice draft " + INVOICE);
    }

    @Test
    void anIssueTakesTheNextInvoiceNumberAndServiceReportIdOfTheYear() {
        fixture.given(drafted(List.of(S5_LINE, B1_LINE)))
                .when(issue(parties(ADDRESS)))
                .expectEvents(new InvoiceIssued(INVOICE, CUSTOMER, MARCH, "2026-00001", "SR-2026-00001", APRIL_1,
                        LocalDate.parse("2026-04-15"), List.of(S5_LINE, B1_LINE),
                        InvoiceMoney.totals(List.of(S5_LINE, B1_LINE)), List.of(), parties(ADDRESS), "finance", AT));

        assertThat(numbersTaken("invoice-2026")).containsExactly("2026-00001");
        assertThat(numbersTaken("service-report-2026")).containsExactly("SR-2026-00001");
    }

    @Test
    void anIssueRefusedForAnIncompleteAddressTakesNoNumber() {
        fixture.given(drafted(List.of(S5_LINE)))
                .when(issue(parties(new Address(null, "", "Münster", "DE"))))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("invoice " + INVOICE + " is not issued: the customer's postal address lacks "
                        + "street, postalCode; complete the customer first")
                .expectNoEvents();

        assertThat(numbersTaken("invoice-2026")).isEmpty();
        assertThat(numbersTaken("service-report-2026")).isEmpty();
    }

    @Test
    void aDraftThatChargesNothingOrIsOutOfDateIsNotIssued() {
        InvoiceLine nothing = work(B1, "0.00");
        fixture.given(drafted(List.of(nothing)))
                .when(issue(parties(ADDRESS)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("invoice draft " + INVOICE + " charges nothing: it is not issued");

        invoicedElsewhere = Map.of(B1, new BigDecimal("23.75"));
        fixture.given(drafted(List.of(B1_LINE)))
                .when(issue(parties(ADDRESS)))
                .expectException(StateConflict.class)
                .expectNoEvents();
        assertThat(numbersTaken("invoice-2026")).isEmpty();
    }

    @Test
    void aCancellationNegatesEveryLineUnderItsOwnNumber() {
        List<InvoiceLine> lines = List.of(S5_LINE, B1_LINE);
        List<InvoiceLine> negated = lines.stream().map(InvoiceLine::negated).toList();
        LocalDate april10 = LocalDate.parse("2026-04-10");
        fixture.given(drafted(lines), issued(lines, "2026-00007"))
                .when(new CancelInvoice(INVOICE, april10, "Wrong address", parties(ADDRESS), "finance", AT))
                .expectEvents(new InvoiceCancelled(INVOICE, CUSTOMER, MARCH, "2026-00001", "2026-00007", APRIL_1,
                        april10, negated, InvoiceMoney.totals(negated), "Wrong address", parties(ADDRESS), "finance",
                        AT));
        assertThat(InvoiceMoney.totals(negated).gross()).isEqualByComparingTo("-343.86");

        fixture.given(drafted(lines))
                .when(new CancelInvoice(INVOICE, april10, "a draft", parties(ADDRESS), "finance", AT))
                .expectException(StateConflict.class)
                .expectExceptionMessage("invoice " + INVOICE + " is DRAFT: only an issued invoice is cancelled");
        fixture.given(drafted(lines), issued(lines, "2026-00007"))
                .when(draft(List.of(B1_LINE)))
                .expectNoEvents();
    }

    private static InvoiceLine work(UUID entry, String net) {
        return new InvoiceLine(LineKind.WORK, entry, null, LocalDate.parse("2026-03-03"),
                "Arbeitszeit: Remote-Support, Techniker, vor Ort, 2:30 h", 150, new BigDecimal(net),
                new BigDecimal("19"), BigDecimal.ZERO, null);
    }

    private static DraftInvoice draft(List<InvoiceLine> lines) {
        return new DraftInvoice(INVOICE, CUSTOMER, MARCH, lines, List.of(), "finance", AT);
    }

    private static InvoiceDrafted drafted(List<InvoiceLine> lines) {
        return new InvoiceDrafted(INVOICE, CUSTOMER, MARCH, lines, InvoiceMoney.totals(lines), List.of(), "finance",
                AT);
    }

    private static InvoiceEntryHeldBack heldBack(UUID entry) {
        return new InvoiceEntryHeldBack(INVOICE, CUSTOMER, entry, "disputed", List.of(S5_LINE),
                InvoiceMoney.totals(List.of(S5_LINE)), "finance", AT);
    }

    private static InvoiceIssued issued(List<InvoiceLine> lines, String number) {
        return new InvoiceIssued(INVOICE, CUSTOMER, MARCH, number, "SR-2026-00007", APRIL_1,
                LocalDate.parse("2026-04-15"), lines, InvoiceMoney.totals(lines), List.of(), parties(ADDRESS),
                "finance", AT);
    }

    private static IssueInvoice issue(InvoiceParties parties) {
        return new IssueInvoice(INVOICE, APRIL_1, parties, "finance", AT);
    }

    private static InvoiceParties parties(Address buyer) {
        return new InvoiceParties(new Party("Test IT-Service GmbH", ADDRESS, "DE811907980", null, null, null, null),
                new Party("Kanzlei Berger", buyer, null, null, null, null, "10042"), null);
    }

    private List<String> numbersTaken(String series) {
        return seriesStore.readEvents(series).asStream()
                .map(event -> ((DocumentNumberTaken) event.getPayload()).number()).toList();
    }
}
