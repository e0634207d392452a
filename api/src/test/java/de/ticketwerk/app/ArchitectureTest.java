package de.ticketwerk.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module rules of ARCHITECTURE.md: dependencies point one way, and the domains know nothing of Spring. */
class ArchitectureTest {

    private static final String TICKET_DOMAIN = "de.ticketwerk.ticket..";
    private static final String RULES = "de.ticketwerk.rules..";
    private static final String[] BILLING_DOMAIN = {"de.ticketwerk.terms..", "de.ticketwerk.calendar..",
            "de.ticketwerk.ports..", "de.ticketwerk.customer..", "de.ticketwerk.contract..", "de.ticketwerk.pricing..",
            "de.ticketwerk.quota.."};
    private static final String BILLING_PACKAGES = "de.ticketwerk.terms,de.ticketwerk.calendar,de.ticketwerk.ports,"
            + "de.ticketwerk.customer,de.ticketwerk.contract,de.ticketwerk.pricing,de.ticketwerk.quota";
    private static final String PROJECTIONS = "de.ticketwerk.projections..";
    private static final String APP = "de.ticketwerk.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.ticketwerk");
    }

    @Test
    void theDomainModulesUseNoSpring() {
        noClasses().that().resideInAnyPackage(TICKET_DOMAIN, RULES).or().resideInAnyPackage(BILLING_DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework.spring..")
                .check(classes);
    }

    @Test
    void theTicketDomainDependsOnNoOtherModule() {
        noClasses().that().resideInAnyPackage(TICKET_DOMAIN, RULES)
                .should().dependOnClassesThat().resideInAnyPackage(PROJECTIONS, APP)
                .orShould().dependOnClassesThat().resideInAnyPackage(BILLING_DOMAIN)
                .check(classes);
    }

    @Test
    void theBillingDomainDependsOnlyOnTheTicketDomain() {
        noClasses().that().resideInAnyPackage(BILLING_DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(PROJECTIONS, APP)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void projectionsReadOnlyTheDomainsEventsAndNeverTheApplication() {
        noClasses().that().resideInAPackage(PROJECTIONS)
                .should().dependOnClassesThat().resideInAnyPackage(APP, "de.ticketwerk.*.domain..")
                .check(classes);
    }

    @Test
    void theWebLayerTalksToAggregatesOnlyThroughCommands() {
        noClasses().that().resideInAnyPackage("de.ticketwerk.app.ticket..", "de.ticketwerk.app.customer..",
                        "de.ticketwerk.app.contract..", "de.ticketwerk.app.pricing..", "de.ticketwerk.app.quota..")
                .should().dependOnClassesThat().resideInAPackage("de.ticketwerk.*.domain..")
                .check(classes);
    }

    /** Inside each module, no package depends on itself through others, at either level of packages. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "ticket-domain; de.ticketwerk.(*)..; de.ticketwerk.ticket,de.ticketwerk.rules",
            "ticket-domain; de.ticketwerk.(*).(*)..; de.ticketwerk.ticket,de.ticketwerk.rules",
            "billing-domain; de.ticketwerk.(*)..; " + BILLING_PACKAGES,
            "billing-domain; de.ticketwerk.(*).(*)..; " + BILLING_PACKAGES,
            "projections; de.ticketwerk.projections.(*)..; de.ticketwerk.projections",
            "api; de.ticketwerk.app.(*)..; de.ticketwerk.app"})
    void noPackageCycles(String module, String slicePattern, String packages) {
        JavaClasses moduleClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages.split(","));
        slices().matching(slicePattern).should().beFreeOfCycles().check(moduleClasses);
    }

    /** Units of work are the processors' business: the domain decides, the application batches. */
    @Test
    void theDomainModulesLeaveUnitsOfWorkToTheApplication() {
        noClasses().that().resideInAnyPackage(TICKET_DOMAIN, RULES).or().resideInAnyPackage(BILLING_DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("org.axonframework.messaging.unitofwork..")
                .check(classes);
    }

    /** Every serializer is Jackson; XStream on the class path would only be a deserialization attack surface. */
    @Test
    void xstreamIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
