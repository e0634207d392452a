package de.ticketwerk.customer.domain;

import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.customer.api.Address;
import de.ticketwerk.customer.api.CustomerCommands.RegisterCustomer;
import de.ticketwerk.customer.api.CustomerCommands.UpdateCustomer;
import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.customer.api.NotificationKind;
import de.ticketwerk.customer.api.CustomerEvents.CustomerRegistered;
import de.ticketwerk.customer.api.CustomerEvents.CustomerUpdated;
import de.ticketwerk.pricing.api.PricingCommands.PriceWorkWithoutContract;
import de.ticketwerk.pricing.api.PricingEvents.TimeEntryPriced;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.pricing.policy.Fixtures;
import de.ticketwerk.rules.RuleViolation;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTest {

    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final CustomerDetails DETAILS = new CustomerDetails("Steuerberatung Berger",
            new Address("Marktstraße 1", "48143", "Münster", "DE"), FederalState.NW, "DE123456789", "10042",
            List.of("kanzlei@berger.example"), Map.of(NotificationKind.TICKET_OPENED, List.of("it@berger.example")));

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(Fixtures.HOLIDAYS);
    }

    @Test
    void registeringRecordsTheMasterData() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER, DETAILS, "anna", NOW))
                .expectEvents(new CustomerRegistered(CUSTOMER, DETAILS, "anna", NOW));
    }

    @Test
    void anUpdateRecordsTheNewMasterDataOnlyWhenSomethingChanged() {
        CustomerDetails moved = new CustomerDetails(DETAILS.name(), new Address("Leopoldstraße 9", "80802",
                "München", "DE"), FederalState.BY, DETAILS.vatId(), DETAILS.debtorNumber(), DETAILS.reportEmails(),
                DETAILS.notifications());
        fixture.given(new CustomerRegistered(CUSTOMER, DETAILS, "anna", NOW))
                .when(new UpdateCustomer(CUSTOMER, moved, "anna", NOW))
                .expectEvents(new CustomerUpdated(CUSTOMER, moved, "anna", NOW));
        fixture.given(new CustomerRegistered(CUSTOMER, DETAILS, "anna", NOW))
                .when(new UpdateCustomer(CUSTOMER, DETAILS, "anna", NOW))
                .expectNoEvents();
    }

    @Test
    void aCustomerNeedsAName() {
        assertThatThrownBy(() -> new CustomerDetails(" ", null, FederalState.NW, null, null, null, null))
                .isInstanceOf(RuleViolation.class).hasMessage("a customer needs a name");
    }

    @Test
    void workWithoutAContractIsPricedAtTheDefaultPriceListAndFlaggedOnce() {
        UUID entry = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        Work work = new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT, new TimeEntryDetails(
                Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-03T09:20:00Z"), Role.TECHNICIAN,
                WorkMode.REMOTE, "call", true, null, false, "tom"));
        PriceWorkWithoutContract price = new PriceWorkWithoutContract(CUSTOMER, entry, ticket, 3, work,
                ContractTerms.defaults(ContractType.HOURLY, null, FederalState.NW), "tom", NOW);

        fixture.given(new CustomerRegistered(CUSTOMER, DETAILS, "anna", NOW))
                .when(price)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(Matchers.matches(
                        payload -> payload instanceof TimeEntryPriced priced
                                && priced.contractId() == null
                                && priced.pricing().withoutContract()
                                && priced.pricing().billedMinutes() == 30
                                && priced.pricing().netAmount().equals(new BigDecimal("45.00"))))));
    }
}
