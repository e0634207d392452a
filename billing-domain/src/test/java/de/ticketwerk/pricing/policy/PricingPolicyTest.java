package de.ticketwerk.pricing.policy;

import de.ticketwerk.pricing.api.PricedEntry;
import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.pricing.api.SurchargeBand.Band;
import de.ticketwerk.pricing.api.Work;
import de.ticketwerk.terms.ContractTerms;
import de.ticketwerk.terms.ContractType;
import de.ticketwerk.terms.ServiceLevel;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.TicketKind;
import de.ticketwerk.ticket.api.TimeEntryDetails;
import de.ticketwerk.ticket.api.WorkMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static de.ticketwerk.pricing.policy.Fixtures.entry;
import static de.ticketwerk.pricing.policy.Fixtures.local;
import static de.ticketwerk.pricing.policy.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** Coverage (R-C2…R-C4), non-billable work (R-E2), emergencies (R-H4) and travel (R-B3). */
class PricingPolicyTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "STANDARD | INCIDENT        | REMOTE_SUPPORT    | REMOTE | COVERED | covered by STANDARD: REMOTE_SUPPORT in service hours (60 min)",
            "STANDARD | INCIDENT        | STANDARD_SOFTWARE | ONSITE | MONEY   | not covered by STANDARD: onsite support work needs ONSITE_SUPPORT: charged as under HOURLY at 90.00 €/h",
            "COMFORT  | INCIDENT        | STANDARD_SOFTWARE | ONSITE | COVERED | covered by COMFORT: STANDARD_SOFTWARE in service hours (60 min)",
            "BASIC    | MAINTENANCE     | MONITORING        | REMOTE | COVERED | covered by BASIC: MONITORING in service hours (60 min)",
            "BASIC    | INCIDENT        | HOTLINE           | REMOTE | MONEY   | not covered by BASIC: remote support work needs REMOTE_SUPPORT: charged as under HOURLY at 90.00 €/h",
            "BASIC    | SERVICE_REQUEST | SERVER_ADMIN      | REMOTE | MONEY   | not covered by BASIC: SERVER_ADMIN is not included: charged as under HOURLY at 90.00 €/h",
            "COMFORT  | PROJECT         | PROJECT           | REMOTE | MONEY   | PROJECT is never covered by any contract: charged as under HOURLY at 90.00 €/h",
            "COMFORT  | INCIDENT        | DATA_RECOVERY     | REMOTE | MONEY   | DATA_RECOVERY is never covered by any contract: charged as under HOURLY at 90.00 €/h",
            "COMFORT  | PROJECT         | SERVER_ADMIN      | REMOTE | MONEY   | project work is never covered by any contract: charged as under HOURLY at 90.00 €/h",
    })
    void serviceLevelCoverage(ServiceLevel level, TicketKind kind, ServiceItem item, WorkMode mode,
                              Settlement settlement, String reason) {
        ContractTerms terms = terms(ContractType.SERVICE, level);
        Work work = new Work(kind, item, entry("2026-03-03T10:00", "2026-03-03T11:00", Role.TECHNICIAN, mode));

        PricedEntry priced = PricingPolicy.price(work, new PricingPolicy.Basis(ContractType.SERVICE, level, terms,
                false), Fixtures.HOLIDAYS);

        assertThat(priced.settlement()).isEqualTo(settlement);
        assertThat(priced.reasons()).first().isEqualTo(reason);
        if (settlement == Settlement.COVERED) {
            assertThat(priced.netAmount()).isEqualTo("0.00");
            assertThat(priced.billedMinutes()).isZero();
        } else {
            assertThat(priced.netAmount()).isPositive();
        }
    }

    @Test
    void pricingsOfAlikeWorkShareTheirTexts() {
        ContractTerms terms = terms(ContractType.SERVICE, ServiceLevel.STANDARD);
        PricingPolicy.Basis basis = new PricingPolicy.Basis(ContractType.SERVICE, ServiceLevel.STANDARD, terms, false);
        Work monday = new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                entry("2026-03-02T10:00", "2026-03-02T11:00", Role.TECHNICIAN, WorkMode.REMOTE));
        Work tuesday = new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                entry("2026-03-03T10:00", "2026-03-03T11:00", Role.TECHNICIAN, WorkMode.REMOTE));

        PricedEntry first = PricingPolicy.price(monday, basis, Fixtures.HOLIDAYS);
        PricedEntry second = PricingPolicy.price(tuesday, basis, Fixtures.HOLIDAYS);

        assertThat(second.reasons()).isEqualTo(first.reasons()).isNotEmpty();
        for (int i = 0; i < first.reasons().size(); i++) {
            assertThat(second.reasons().get(i)).isSameAs(first.reasons().get(i));
        }
    }

    @Test
    void coveredWorkOutsideServiceHoursIsChargedAsUnderHourly() {
        Work work = new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT,
                entry("2026-03-03T16:00", "2026-03-03T18:00", Role.TECHNICIAN, WorkMode.REMOTE));

        PricedEntry priced = PricingPolicy.price(work, new PricingPolicy.Basis(ContractType.SERVICE,
                ServiceLevel.STANDARD, terms(ContractType.SERVICE, ServiceLevel.STANDARD), false), Fixtures.HOLIDAYS);

        assertThat(priced.settlement()).isEqualTo(Settlement.MONEY);
        assertThat(priced.coveredMinutes()).isEqualTo(60);
        assertThat(priced.chargedMinutes()).isEqualTo(60);
        assertThat(priced.billedMinutes()).isEqualTo(60);
        assertThat(priced.baseAmount()).isEqualTo("90.00");
        assertThat(priced.surchargeAmount()).isEqualTo("22.50");
        assertThat(priced.netAmount()).isEqualTo("112.50");
        assertThat(priced.reasons()).contains("covered by STANDARD: REMOTE_SUPPORT in service hours (60 min)",
                "60 min outside service hours: charged as under HOURLY at 90.00 €/h (R-C3)");
    }

    @Test
    void quotaWorkOnNeverCoveredItemsIsChargedAsMoney() {
        Work work = new Work(TicketKind.INCIDENT, ServiceItem.HARDWARE_REPAIR,
                entry("2026-03-03T10:00", "2026-03-03T11:00", Role.TECHNICIAN, WorkMode.REMOTE));

        PricedEntry priced = PricingPolicy.price(work, new PricingPolicy.Basis(ContractType.QUOTA, null,
                terms(ContractType.QUOTA, null), false), Fixtures.HOLIDAYS);

        assertThat(priced.settlement()).isEqualTo(Settlement.MONEY);
        assertThat(priced.quotaMinutes()).isZero();
        assertThat(priced.netAmount()).isEqualTo("90.00");
        assertThat(priced.reasons()).first().asString().startsWith("HARDWARE_REPAIR is never covered");
    }

    @Test
    void nonBillableWorkCostsNothingAndKeepsTheReason() {
        TimeEntryDetails entry = new TimeEntryDetails(local("2026-03-07T10:00"), local("2026-03-07T12:00"),
                Role.TECHNICIAN, WorkMode.ONSITE, "follow-up", false, "our own mistake", true, "tom");

        PricedEntry priced = PricingPolicy.price(new Work(TicketKind.INCIDENT, ServiceItem.REMOTE_SUPPORT, entry),
                new PricingPolicy.Basis(ContractType.QUOTA, null, terms(ContractType.QUOTA, null), false),
                Fixtures.HOLIDAYS);

        assertThat(priced.settlement()).isEqualTo(Settlement.NOT_BILLABLE);
        assertThat(priced.rawMinutes()).isEqualTo(120);
        assertThat(priced.billedMinutes()).isZero();
        assertThat(priced.quotaMinutes()).isZero();
        assertThat(priced.netAmount()).isEqualTo("0.00");
        assertThat(priced.surcharges()).isEmpty();
        assertThat(priced.reasons()).containsExactly("not billable: our own mistake");
    }

    @Test
    void emergencySurchargeAndTravelFeeFollowTheContract() {
        ContractTerms defaults = terms(ContractType.HOURLY, null);
        ContractTerms terms = new ContractTerms(defaults.prices(), defaults.billingUnits(), defaults.serviceTimes(),
                defaults.surcharges(), new BigDecimal("50"), defaults.coverage(), defaults.quota(),
                defaults.minimumTerm()).withTravelFee(new BigDecimal("35"));
        TimeEntryDetails entry = new TimeEntryDetails(local("2026-03-03T10:00"), local("2026-03-03T12:00"),
                Role.TECHNICIAN, WorkMode.ONSITE, "server down", true, null, true, "tom");

        PricedEntry priced = PricingPolicy.price(new Work(TicketKind.INCIDENT, ServiceItem.SERVER_ADMIN, entry),
                new PricingPolicy.Basis(ContractType.HOURLY, null, terms, false), Fixtures.HOLIDAYS);

        assertThat(priced.billedMinutes()).isEqualTo(120);
        assertThat(priced.surcharges()).singleElement().satisfies(band -> {
            assertThat(band.band()).isEqualTo(Band.EMERGENCY);
            assertThat(band.minuteEquivalents()).isEqualByComparingTo("60");
            assertThat(band.amount()).isEqualTo("90.00");
        });
        assertThat(priced.travelFee()).isEqualTo("35.00");
        assertThat(priced.netAmount()).isEqualTo("305.00");
    }

    @Test
    void workWithoutAContractIsFlagged() {
        PricedEntry priced = PricingPolicy.price(Fixtures.work(entry("2026-03-03T10:00", "2026-03-03T10:20",
                        Role.TECHNICIAN, WorkMode.REMOTE)),
                new PricingPolicy.Basis(ContractType.HOURLY, null, terms(ContractType.HOURLY, null), true),
                Fixtures.HOLIDAYS);

        assertThat(priced.withoutContract()).isTrue();
        assertThat(priced.reasons()).first()
                .isEqualTo("no contract in force on 2026-03-03: priced at the default HOURLY price list");
        assertThat(priced.netAmount()).isEqualTo("45.00");
    }
}
