package de.ticketwerk.invoice.policy;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.invoice.api.InvoiceLine;
import de.ticketwerk.invoice.api.InvoiceLine.LineKind;
import de.ticketwerk.invoice.api.ReportEntry;
import de.ticketwerk.invoice.ports.BillingFacts;
import de.ticketwerk.ports.InvoicedEntries;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.pricing.policy.Fixtures;
import de.ticketwerk.pricing.policy.PricingPolicy;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.PriceChange;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.WorkMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The billing run's decision without HTTP or a database (R-I1…R-I3, R-I6, R-C8, R-Q4), from facts given here. */
class MonthDraftTest {

    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID HOURLY = UUID.fromString("00000000-0000-0000-0000-00000000c0c1");
    private static final UUID QUOTA = UUID.fromString("00000000-0000-0000-0000-00000000c0c2");
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    private final Facts facts = new Facts();
    private final Invoiced invoiced = new Invoiced();

    @Test
    void theMonthsPricedWorkIsOnTheDraftInGermanWithItsCurrentPrice() {
        PricedEntry onsite = priced(ServiceItem.DEVICE_ADMIN, WorkMode.ONSITE, "2026-03-03T16:00", "2026-03-03T18:00");
        UUID entry = facts.work(onsite, HOURLY, null);

        List<InvoiceLine> lines = MonthDraft.of(CUSTOMER, MARCH, facts, invoiced).lines();

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.WORK);
            assertThat(line.entryId()).isEqualTo(entry);
            assertThat(line.serviceDate()).isEqualTo(LocalDate.parse("2026-03-03"));
            assertThat(line.net()).isEqualByComparingTo(onsite.netAmount());
            assertThat(line.vatPercent()).isEqualByComparingTo("19");
            assertThat(line.description()).isEqualTo("Arbeitszeit: Wartung / Administration IT-Geräte, Techniker, "
                    + "vor Ort, " + LineTexts.hours(onsite.billedMinutes()));
            assertThat(line.corrects()).isNull();
        });
    }

    @Test
    void workOfAnInvoicedMonthCorrectsThatInvoiceButHeldBackWorkIsOrdinaryWork() {
        PricedEntry late = priced(ServiceItem.REMOTE_SUPPORT, WorkMode.REMOTE, "2026-03-06T09:00", "2026-03-06T09:07");
        PricedEntry heldBack = priced(ServiceItem.REMOTE_SUPPORT, WorkMode.REMOTE, "2026-03-05T09:00",
                "2026-03-05T09:07");
        facts.work(heldBack, HOURLY, null);
        facts.work(late, HOURLY, "2026-00001");

        List<InvoiceLine> lines = MonthDraft.of(CUSTOMER, APRIL, facts, invoiced).lines();

        assertThat(lines).extracting(InvoiceLine::kind).containsExactly(LineKind.WORK, LineKind.CORRECTION);
        assertThat(lines.get(0).corrects()).isNull();
        assertThat(lines.get(0).description()).startsWith("Arbeitszeit: Remote-Support, Techniker, remote");
        assertThat(lines.get(1).corrects()).isEqualTo("2026-00001");
        assertThat(lines.get(1).description()).isEqualTo("Korrektur zu Rechnung 2026-00001: Arbeitszeit: "
                + "Remote-Support, Techniker, remote, " + LineTexts.hours(late.billedMinutes()));
    }

    @Test
    void aCorrectionBillsTheDifferenceToWhatWasInvoiced() {
        PricedEntry corrected = priced(ServiceItem.REMOTE_SUPPORT, WorkMode.REMOTE, "2026-03-03T10:00",
                "2026-03-03T11:00");
        UUID entry = facts.work(corrected, HOURLY, "2026-00001", new BigDecimal("120.00"));

        InvoiceLine line = MonthDraft.of(CUSTOMER, APRIL, facts, invoiced).lines().get(0);

        assertThat(line.entryId()).isEqualTo(entry);
        assertThat(line.net()).isEqualByComparingTo(corrected.netAmount().subtract(new BigDecimal("120.00")));
        assertThat(line.previouslyInvoiced()).isEqualByComparingTo("120.00");
    }

    @Test
    void eachMonthsFeeOnceOnTheFirstInvoiceDatedOnOrAfterItsFirst() {
        facts.contracts.add(new BillingFacts.FeeContract(QUOTA, ContractType.QUOTA, LocalDate.parse("2026-03-01"),
                null, ContractTerms.defaults(ContractType.QUOTA, null, FederalState.NW),
                List.of(new PriceChange(LocalDate.parse("2026-04-01"), new BigDecimal("159.00"), ContractTerms.defaultRates()))));

        List<InvoiceLine> march = MonthDraft.of(CUSTOMER, MARCH, facts, invoiced).lines();

        assertThat(march).extracting(InvoiceLine::description).containsExactly(
                "Monatspauschale März 2026, Kontingentvertrag", "Monatspauschale April 2026, Kontingentvertrag");
        assertThat(march).extracting(InvoiceLine::net).containsExactly(new BigDecimal("149.00"),
                new BigDecimal("159.00"));
        assertThat(march).extracting(InvoiceLine::serviceDate).containsExactly(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-04-01"));
        march.forEach(line -> invoiced.charge(line.entryId(), line.net(), "2026-00001"));
        assertThat(MonthDraft.of(CUSTOMER, APRIL, facts, invoiced).lines()).extracting(InvoiceLine::description)
                .as("April's run carries May's fee only")
                .containsExactly("Monatspauschale Mai 2026, Kontingentvertrag");
    }

    @Test
    void theOverageSettledUpToTheMonthsEndIsBilledOnce() {
        facts.overage.add(new BillingFacts.Overage(QUOTA, LocalDate.parse("2026-04-30"), 150,
                new BigDecimal("225.00")));

        InvoiceLine line = MonthDraft.of(CUSTOMER, APRIL, facts, invoiced).lines().get(0);

        assertThat(line.kind()).isEqualTo(LineKind.OVERAGE);
        assertThat(line.description()).isEqualTo("Kontingentüberschreitung bis 30.04.2026: 2:30 h");
        assertThat(line.net()).isEqualByComparingTo("225.00");
        invoiced.charge(line.entryId(), line.net(), "2026-00002");
        assertThat(MonthDraft.of(CUSTOMER, APRIL, facts, invoiced).lines()).isEmpty();
    }

    @Test
    void workOfAContractTheReadModelDoesNotKnowYetIsNotGuessed() {
        facts.work(priced(ServiceItem.REMOTE_SUPPORT, WorkMode.REMOTE, "2026-03-03T10:00", "2026-03-03T11:00"),
                UUID.randomUUID(), null);

        assertThatThrownBy(() -> MonthDraft.of(CUSTOMER, MARCH, facts, invoiced)).isInstanceOf(StateConflict.class)
                .hasMessageContaining("is not readable yet: run again");
    }

    @Test
    void nothingToDraftIsEmpty() {
        assertThat(MonthDraft.of(CUSTOMER, MARCH, facts, invoiced).isEmpty()).isTrue();
    }

    private static PricedEntry priced(ServiceItem item, WorkMode mode, String start, String end) {
        Work work = new Work(TicketKind.INCIDENT, item, Fixtures.entry(start, end, Role.TECHNICIAN, mode));
        return PricingPolicy.price(work, Fixtures.basis(ContractType.HOURLY,
                Fixtures.terms(ContractType.HOURLY, null)), Fixtures.HOLIDAYS);
    }

    /** The facts as a test gives them. */
    private static final class Facts implements BillingFacts {
        final List<PricedWork> work = new ArrayList<>();
        final List<FeeContract> contracts = new ArrayList<>();
        final List<Overage> overage = new ArrayList<>();

        UUID work(PricedEntry pricing, UUID contractId, String invoicedIn) {
            return work(pricing, contractId, invoicedIn, BigDecimal.ZERO);
        }

        UUID work(PricedEntry pricing, UUID contractId, String invoicedIn, BigDecimal invoiced) {
            UUID entry = UUID.randomUUID();
            work.add(new PricedWork(entry, contractId, pricing.workDate(), pricing, pricing.netAmount(), invoiced,
                    invoicedIn));
            return entry;
        }

        @Override
        public List<PricedWork> unbilledWork(UUID customerId, LocalDate through) {
            return work.stream().filter(w -> !w.workDate().isAfter(through)).toList();
        }

        @Override
        public List<ReportEntry> report(UUID customerId, YearMonth month) {
            return List.of();
        }

        @Override
        public List<FeeContract> contracts(UUID customerId) {
            return contracts;
        }

        @Override
        public List<Overage> overage(UUID customerId, LocalDate through) {
            return overage.stream().filter(o -> !o.periodEnd().isAfter(through)).toList();
        }

        @Override
        public Optional<BigDecimal> vatPercent(UUID contractId) {
            return contractId.equals(HOURLY) || contractId.equals(QUOTA) ? Optional.of(new BigDecimal("19"))
                    : Optional.empty();
        }
    }

    /** What issued invoices charged, as the registry would say. */
    private static final class Invoiced implements InvoicedEntries {
        final Map<UUID, BigDecimal> net = new HashMap<>();
        final Map<UUID, String> in = new HashMap<>();

        void charge(UUID entryId, BigDecimal amount, String number) {
            net.merge(entryId, amount, BigDecimal::add);
            in.put(entryId, number);
        }

        @Override
        public Map<UUID, BigDecimal> invoicedNet(Collection<UUID> entryIds) {
            return net;
        }

        @Override
        public Map<UUID, String> lastIssuedIn(Collection<UUID> entryIds) {
            return in;
        }
    }
}
