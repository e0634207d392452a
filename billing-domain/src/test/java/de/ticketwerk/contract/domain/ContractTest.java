package de.ticketwerk.contract.domain;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.contract.api.ContractCommands.AnnouncePriceChange;
import de.ticketwerk.contract.api.ContractCommands.ConcludeContract;
import de.ticketwerk.contract.api.ContractCommands.TerminateContract;
import de.ticketwerk.contract.api.ContractEvents.ContractConcluded;
import de.ticketwerk.contract.api.ContractEvents.ContractTerminated;
import de.ticketwerk.contract.api.ContractEvents.PriceChangeAnnounced;
import de.ticketwerk.contract.api.NoticeChannel;
import de.ticketwerk.contract.api.Party;
import de.ticketwerk.ports.ContractDirectory;
import de.ticketwerk.ports.ContractPeriod;
import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.PricingCommands.PriceTimeEntry;
import de.ticketwerk.pricing.api.PricingCommands.ReverseTimeEntryPricing;
import de.ticketwerk.pricing.api.PricingEvents.SurchargeApplied;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPricingReversed;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.pricing.policy.Fixtures;
import de.ticketwerk.pricing.policy.PricingPolicy;
import de.ticketwerk.rules.CustomerNotRegistered;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.rules.StateConflict;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTest {

    private static final UUID CONTRACT = UUID.fromString("00000000-0000-0000-0000-00000000c0c1");
    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID ENTRY = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final LocalDate START = LocalDate.parse("2025-03-01");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ACTOR = "anna";

    private final List<ContractPeriod> existing = new ArrayList<>();
    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(Fixtures.HOLIDAYS);
        fixture.registerInjectableResource((ContractDirectory) customerIds -> customerIds.contains(CUSTOMER)
                ? Map.of(CUSTOMER, new ContractDirectory.CustomerContracts(FederalState.NW, existing))
                : Map.of());
    }

    private static ContractTerms terms(ContractType type, ServiceLevel level) {
        return ContractTerms.defaults(type, level, FederalState.NW);
    }

    private static ContractConcluded concluded(ContractType type) {
        return new ContractConcluded(CONTRACT, CUSTOMER, type, null, START, null, LocalDate.parse("2027-02-28"),
                LocalDate.parse("2026-11-30"), terms(type, null), ACTOR, NOW);
    }

    @ParameterizedTest
    @CsvSource({"HOURLY,", "QUOTA,", "SERVICE, BASIC", "SERVICE, STANDARD", "SERVICE, COMFORT"})
    void everyContractTypeCanBeConcludedWithTheSeedDefaults(ContractType type, ServiceLevel level) {
        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, type, level, START, null, terms(type, level), ACTOR,
                        NOW))
                .expectEvents(new ContractConcluded(CONTRACT, CUSTOMER, type, level, START, null,
                        LocalDate.parse("2027-02-28"), LocalDate.parse("2026-11-30"), terms(type, level), ACTOR,
                        NOW));
    }

    @Test
    void aContractNeedsARegisteredCustomer() {
        UUID stranger = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, stranger, ContractType.HOURLY, null, START, null,
                        terms(ContractType.HOURLY, null), ACTOR, NOW))
                .expectException(CustomerNotRegistered.class)
                .expectNoEvents();
    }

    @Test
    void aServiceContractNeedsALevelAndOnlyItHasOne() {
        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, ContractType.SERVICE, null, START, null,
                        terms(ContractType.SERVICE, null), ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a SERVICE contract needs a level: BASIC, STANDARD or COMFORT");
        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, ContractType.HOURLY, ServiceLevel.BASIC, START, null,
                        terms(ContractType.HOURLY, null), ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("only SERVICE contracts have a level");
    }

    @Test
    void aContractCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, ContractType.HOURLY, null, START,
                        START.minusDays(1), terms(ContractType.HOURLY, null), ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the contract cannot end (2025-02-28) before it starts (2025-03-01)");
    }

    @Test
    void contractsOfTheSameTypeMustNotOverlap() {
        UUID earlier = UUID.randomUUID();
        existing.add(new ContractPeriod(earlier, CUSTOMER, ContractType.QUOTA, null, LocalDate.parse("2024-01-01"),
                LocalDate.parse("2025-03-01"), "Europe/Berlin", Set.of()));

        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, ContractType.QUOTA, null, START, null,
                        terms(ContractType.QUOTA, null), ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectExceptionMessage("customer " + CUSTOMER + " already has QUOTA contract " + earlier
                        + " from 2024-01-01 to 2025-03-01; contracts of the same type must not overlap");
    }

    @Test
    void aContractMayFollowAnEndedOneOrRunBesideOneOfAnotherType() {
        existing.add(new ContractPeriod(UUID.randomUUID(), CUSTOMER, ContractType.QUOTA, null,
                LocalDate.parse("2024-01-01"), LocalDate.parse("2025-02-28"), "Europe/Berlin", Set.of()));
        existing.add(new ContractPeriod(UUID.randomUUID(), CUSTOMER, ContractType.SERVICE, ServiceLevel.BASIC,
                LocalDate.parse("2024-01-01"), null, "Europe/Berlin", ServiceLevel.BASIC.includedItems()));

        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, ContractType.QUOTA, null, START, null,
                        terms(ContractType.QUOTA, null), ACTOR, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(ContractConcluded.class))));
    }

    @Test
    void aQuotaContractNeedsQuotaTerms() {
        ContractTerms hourly = terms(ContractType.HOURLY, null);
        fixture.givenNoPriorActivity()
                .when(new ConcludeContract(CONTRACT, CUSTOMER, ContractType.QUOTA, null, START, null, hourly, ACTOR,
                        NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a QUOTA contract needs quota terms");
    }

    @Test
    void aPriceChangeCannotBeAnnouncedForTheFutureNorTakeEffectAfterTheContractEnds() {
        fixture.given(concluded(ContractType.HOURLY))
                .when(new AnnouncePriceChange(CONTRACT, LocalDate.parse("2026-11-24"), LocalDate.parse("2027-06-01"),
                        new BigDecimal("10.00"), null, ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the announcement date 2026-11-24 is in the future");
        fixture.given(concluded(ContractType.HOURLY), new ContractTerminated(CONTRACT, CUSTOMER,
                        LocalDate.parse("2026-11-01"), NoticeChannel.EMAIL, Party.CUSTOMER, false,
                        LocalDate.parse("2026-11-30"), LocalDate.parse("2027-02-28"), ACTOR, NOW))
                .when(new AnnouncePriceChange(CONTRACT, LocalDate.parse("2026-11-20"), LocalDate.parse("2027-06-01"),
                        new BigDecimal("10.00"), null, ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectExceptionMessage("the contract ends on 2027-02-28, before 2027-06-01");
    }

    @Test
    void noticeCannotBeReceivedInTheFutureAndOnlyTheCustomerHasTheSpecialRight() {
        fixture.given(concluded(ContractType.QUOTA))
                .when(new TerminateContract(CONTRACT, LocalDate.parse("2026-11-24"), NoticeChannel.LETTER,
                        Party.CUSTOMER, false, ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the notice date 2026-11-24 is in the future");
        fixture.given(concluded(ContractType.QUOTA))
                .when(new TerminateContract(CONTRACT, LocalDate.parse("2026-11-22"), NoticeChannel.LETTER,
                        Party.PROVIDER, true, ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("only the customer has the special right to end the contract");
    }

    @Test
    void aPriceChangeBeforeTheEndOfTheMinimumTermIsRejected() {
        fixture.given(concluded(ContractType.HOURLY))
                .when(new AnnouncePriceChange(CONTRACT, LocalDate.parse("2026-11-01"), LocalDate.parse("2027-02-28"),
                        null, Map.of(Role.TECHNICIAN, new BigDecimal("95.00")), ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("prices can change only after the minimum term, which ends on 2027-02-28");
    }

    @Test
    void aPriceChangeNeedsThreeMonthsLead() {
        fixture.given(concluded(ContractType.HOURLY))
                .when(new AnnouncePriceChange(CONTRACT, LocalDate.parse("2026-12-15"), LocalDate.parse("2027-03-01"),
                        null, Map.of(Role.TECHNICIAN, new BigDecimal("95.00")), ACTOR,
                        Instant.parse("2026-12-15T10:00:00Z")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a price change must be announced at least 3 months before it takes "
                        + "effect: for 2027-03-01 by 2026-12-01");
    }

    @Test
    void anAnnouncedPriceChangeGivesTheCustomerASpecialRightToEnd() {
        Map<Role, BigDecimal> rates = new java.util.EnumMap<>(ContractTerms.defaultRates());
        rates.put(Role.TECHNICIAN, new BigDecimal("95.00"));

        fixture.given(concluded(ContractType.HOURLY))
                .when(new AnnouncePriceChange(CONTRACT, LocalDate.parse("2026-11-20"), LocalDate.parse("2027-03-01"),
                        new BigDecimal("10.00"), Map.of(Role.TECHNICIAN, new BigDecimal("95.00")), ACTOR, NOW))
                .expectResultMessagePayload(LocalDate.parse("2027-02-28"))
                .expectEvents(new PriceChangeAnnounced(CONTRACT, CUSTOMER, LocalDate.parse("2026-11-20"),
                        LocalDate.parse("2027-03-01"), new BigDecimal("10.00"), rates, LocalDate.parse("2027-02-28"),
                        ACTOR, NOW));
    }

    @ParameterizedTest(name = "T2: notice received {0} ends the contract on {1}")
    @CsvSource({"2026-11-30, 2026-11-30, 2027-02-28", "2026-12-01, 2027-09-30, 2027-12-31",
            "2027-10-01, 2028-09-30, 2028-12-31"})
    void terminationEndsByTheCivilCode(LocalDate received, LocalDate deadline, LocalDate end) {
        Instant at = received.plusDays(1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
        fixture.given(concluded(ContractType.QUOTA))
                .when(new TerminateContract(CONTRACT, received, NoticeChannel.LETTER, Party.CUSTOMER, false, ACTOR,
                        at))
                .expectResultMessagePayload(end)
                .expectEvents(new ContractTerminated(CONTRACT, CUSTOMER, received, NoticeChannel.LETTER,
                        Party.CUSTOMER, false, deadline, end, ACTOR, at));
    }

    @Test
    void aSecondTerminationIsRejected() {
        fixture.given(concluded(ContractType.QUOTA), new ContractTerminated(CONTRACT, CUSTOMER,
                        LocalDate.parse("2026-11-01"), NoticeChannel.EMAIL, Party.CUSTOMER, false,
                        LocalDate.parse("2026-11-30"), LocalDate.parse("2027-02-28"), ACTOR, NOW))
                .when(new TerminateContract(CONTRACT, LocalDate.parse("2026-11-20"), NoticeChannel.LETTER,
                        Party.PROVIDER, false, ACTOR, NOW))
                .expectException(StateConflict.class)
                .expectExceptionMessage("the contract is already terminated; it ends on 2027-02-28");
    }

    @Test
    void noticeByPhoneIsNotTextForm() {
        fixture.given(concluded(ContractType.QUOTA))
                .when(new TerminateContract(CONTRACT, LocalDate.parse("2026-11-20"), NoticeChannel.PHONE,
                        Party.CUSTOMER, false, ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("notice must be in text form (letter, e-mail, fax or portal), not by PHONE");
    }

    @Test
    void theSpecialRightEndsTheContractTheDayBeforeTheNewPrice() {
        PriceChangeAnnounced change = new PriceChangeAnnounced(CONTRACT, CUSTOMER, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2027-06-01"), new BigDecimal("160.00"), ContractTerms.defaultRates(),
                LocalDate.parse("2027-05-31"), ACTOR, NOW);

        fixture.given(concluded(ContractType.QUOTA))
                .when(new TerminateContract(CONTRACT, LocalDate.parse("2026-11-22"), NoticeChannel.EMAIL,
                        Party.CUSTOMER, true, ACTOR, NOW))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no announced price change is pending on 2026-11-22, so there is no "
                        + "special right to end the contract");
        fixture.given(concluded(ContractType.QUOTA), change)
                .when(new TerminateContract(CONTRACT, LocalDate.parse("2026-11-22"), NoticeChannel.EMAIL,
                        Party.CUSTOMER, true, ACTOR, NOW))
                .expectResultMessagePayload(LocalDate.parse("2027-05-31"))
                .expectEvents(new ContractTerminated(CONTRACT, CUSTOMER, LocalDate.parse("2026-11-22"),
                        NoticeChannel.EMAIL, Party.CUSTOMER, true, LocalDate.parse("2027-05-31"),
                        LocalDate.parse("2027-05-31"), ACTOR, NOW));
    }

    private static Work s5Work() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        return new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT, new TimeEntryDetails(
                LocalDateTime.parse("2026-03-03T16:00").atZone(berlin).toInstant(),
                LocalDateTime.parse("2026-03-03T18:10").atZone(berlin).toInstant(),
                Role.TECHNICIAN, WorkMode.ONSITE, "switch replaced", true, null, false, "tom"));
    }

    private static PricedEntry s5Pricing() {
        return PricingPolicy.price(s5Work(), new PricingPolicy.Basis(ContractType.QUOTA, null,
                terms(ContractType.QUOTA, null), false), Fixtures.HOLIDAYS);
    }

    @Test
    void pricingAnEntryEmitsTheBreakdownAndEverySurchargeBand() {
        PricedEntry pricing = s5Pricing();
        assertThat(pricing.settlement()).isEqualTo(Settlement.QUOTA);
        assertThat(pricing.quotaMinutes()).isEqualTo(168);

        fixture.given(concluded(ContractType.QUOTA))
                .when(new PriceTimeEntry(CONTRACT, ENTRY, TICKET, 7, s5Work(), ACTOR, NOW))
                .expectEvents(new TimeEntryPriced(CONTRACT, CONTRACT, CUSTOMER, TICKET, ENTRY, 7, pricing, null, ACTOR,
                                NOW),
                        new SurchargeApplied(CONTRACT, CONTRACT, CUSTOMER, TICKET, ENTRY, 7, Settlement.QUOTA,
                                pricing.surcharges().get(0), ACTOR, NOW));
    }

    @Test
    void aRedeliveredEntryIsNotPricedTwice() {
        PricedEntry pricing = s5Pricing();
        fixture.given(concluded(ContractType.QUOTA),
                        new TimeEntryPriced(CONTRACT, CONTRACT, CUSTOMER, TICKET, ENTRY, 7, pricing, null, ACTOR, NOW))
                .when(new PriceTimeEntry(CONTRACT, ENTRY, TICKET, 7, s5Work(), ACTOR, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCorrectionReversesTheOldPricingAndPricesAnewOnce() {
        PricedEntry pricing = s5Pricing();
        TimeEntryPriced priced = new TimeEntryPriced(CONTRACT, CONTRACT, CUSTOMER, TICKET, ENTRY, 7, pricing, null,
                ACTOR, NOW);
        TimeEntryPricingReversed reversed = new TimeEntryPricingReversed(CONTRACT, CONTRACT, CUSTOMER, TICKET, ENTRY,
                9, pricing, "corrected: typo", ACTOR, NOW);

        fixture.given(concluded(ContractType.QUOTA), priced)
                .when(new ReverseTimeEntryPricing(CONTRACT, ENTRY, TICKET, 9, "corrected: typo", ACTOR, NOW))
                .expectEvents(reversed);
        fixture.given(concluded(ContractType.QUOTA), priced, reversed)
                .when(new ReverseTimeEntryPricing(CONTRACT, ENTRY, TICKET, 9, "corrected: typo", ACTOR, NOW))
                .expectNoEvents();
        fixture.given(concluded(ContractType.QUOTA), priced, reversed)
                .when(new PriceTimeEntry(CONTRACT, ENTRY, TICKET, 9, s5Work(), ACTOR, NOW))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(TimeEntryPriced.class),
                                org.hamcrest.Matchers.instanceOf(SurchargeApplied.class))));
    }

    @Test
    void workIsPricedAtThePricesInForceOnTheWorkDate() {
        Map<Role, BigDecimal> rates = new java.util.EnumMap<>(ContractTerms.defaultRates());
        rates.put(Role.TECHNICIAN, new BigDecimal("120.00"));
        PriceChangeAnnounced change = new PriceChangeAnnounced(CONTRACT, CUSTOMER, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-03-03"), new BigDecimal("149.00"), rates, LocalDate.parse("2026-03-02"), ACTOR,
                NOW);

        fixture.given(concluded(ContractType.HOURLY), change)
                .when(new PriceTimeEntry(CONTRACT, ENTRY, TICKET, 7, s5Work(), ACTOR, NOW))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.axonframework.test.matchers.Matchers.matches(payload ->
                                        payload instanceof TimeEntryPriced priced
                                                && priced.pricing().hourlyRate().compareTo(new BigDecimal("120")) == 0
                                                && priced.pricing().netAmount().equals(new BigDecimal("335.00"))))));
    }
}
