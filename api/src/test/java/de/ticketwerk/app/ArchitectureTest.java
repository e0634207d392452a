package de.ticketwerk.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import de.ticketwerk.archfixture.domain.ReadModelInADomain;
import de.ticketwerk.archfixture.domain.SpringInADomain;
import de.ticketwerk.archfixture.policy.PolicyThatLoadsAnAggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module rules of ARCHITECTURE.md, written by pattern so that a new context is guarded the day it appears: every
 * package of {@code de.ticketwerk} outside the edges (application, read models, documents, load) is domain; inside a
 * context, {@code api} knows no {@code policy} or {@code domain}, and {@code policy} no {@code domain}.
 */
class ArchitectureTest {

    /** The rooms after the domain, in the order they build on each other. */
    private static final String[] EDGES = {"de.ticketwerk.projections..", "de.ticketwerk.documents..",
            "de.ticketwerk.app..", "de.ticketwerk.load.."};
    private static final DescribedPredicate<JavaClass> DOMAIN = resideInAnyPackage("de.ticketwerk..")
            .and(not(resideInAnyPackage(EDGES))).as("domain classes");
    private static final DescribedPredicate<JavaClass> TICKET_DOMAIN = inModule("ticket-domain");
    /** Where the application may reach into aggregates and processes: wiring and the ports' implementations. */
    private static final String[] WIRING = {"de.ticketwerk.app.config..", "de.ticketwerk.app.processing..",
            "de.ticketwerk.app.registry.."};

    static final ArchRule DOMAIN_USES_NO_SPRING = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework.spring..",
                    "jakarta.servlet..")
            .because("the domain modules decide; Spring is the application's wiring");
    static final ArchRule DOMAIN_KNOWS_NO_LATER_ROOM = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(EDGES);
    static final ArchRule DOMAIN_LEAVES_UNITS_OF_WORK_TO_THE_APPLICATION = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("org.axonframework.messaging.unitofwork..")
            .because("units of work are the processors' business: the domain decides, the application batches");
    static final ArchRule API_KNOWS_NO_POLICY_OR_AGGREGATE = noClasses()
            .that().resideInAPackage("de.ticketwerk.*.api..").should().dependOnClassesThat().resideInAnyPackage("de.ticketwerk.*.policy..", "de.ticketwerk.*.domain..");
    static final ArchRule POLICY_KNOWS_NO_AGGREGATE = noClasses().that().resideInAPackage("de.ticketwerk.*.policy..")
            .should().dependOnClassesThat().resideInAPackage("de.ticketwerk.*.domain..")
            .because("a rule is a function of what it is given; aggregates and processes call rules, not back");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.ticketwerk");
    }

    @Test
    void everyModuleIsFound() {
        assertThat(classes.that(TICKET_DOMAIN)).as("ticket-domain").isNotEmpty();
        assertThat(classes.that(inModule("documents"))).as("documents")
                .allMatch(c -> c.getPackageName().startsWith("de.ticketwerk.documents")).isNotEmpty();
        assertThat(classes.that(inModule("billing-domain"))).as("billing-domain").isNotEmpty();
        assertThat(classes.that(DOMAIN)).as("domain")
                .hasSize(classes.that(TICKET_DOMAIN).size() + classes.that(inModule("billing-domain")).size());
    }

    @Test
    void theDomainUsesNoSpringAndKnowsNoLaterRoom() {
        DOMAIN_USES_NO_SPRING.check(classes);
        DOMAIN_KNOWS_NO_LATER_ROOM.check(classes);
        DOMAIN_LEAVES_UNITS_OF_WORK_TO_THE_APPLICATION.check(classes);
    }

    @Test
    void theTicketDomainKnowsNoBilling() {
        noClasses().that(TICKET_DOMAIN).should().dependOnClassesThat(DOMAIN.and(not(TICKET_DOMAIN)))
                .check(classes);
    }

    @Test
    void insideEachContextApiPolicyAndDomainPointOneWay() {
        API_KNOWS_NO_POLICY_OR_AGGREGATE.check(classes);
        POLICY_KNOWS_NO_AGGREGATE.check(classes);
    }

    @Test
    void readModelsReadEventsAndNeverAggregatesOrTheApplication() {
        noClasses().that().resideInAPackage("de.ticketwerk.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("de.ticketwerk.app..", "de.ticketwerk.documents..",
                        "de.ticketwerk.*.domain..")
                .check(classes);
    }

    @Test
    void documentsAreRenderedFromEventsAndReadModelsAndKnowNoHttp() {
        noClasses().that().resideInAPackage("de.ticketwerk.documents..")
                .should().dependOnClassesThat().resideInAnyPackage("de.ticketwerk.app..", "de.ticketwerk.*.domain..",
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theApplicationTalksToAggregatesOnlyThroughCommandsOutsideItsWiring() {
        noClasses().that().resideInAPackage("de.ticketwerk.app..").and().resideOutsideOfPackages(WIRING)
                .should().dependOnClassesThat().resideInAPackage("de.ticketwerk.*.domain..")
                .check(classes);
    }

    /** Inside each room, no package depends on itself through others, at either level of packages. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de.ticketwerk.(*)..", "de.ticketwerk.(*).(*)..", "de.ticketwerk.projections.(*)..",
            "de.ticketwerk.app.(*).."})
    void noPackageCycles(String slicePattern) {
        slices().matching(slicePattern).should().beFreeOfCycles().check(classes);
    }

    /** The guards guard: a context nobody has written yet is held to them by its packages' names alone. */
    @Test
    void theRulesCatchANewContextThatBreaksThem() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SpringInADomain.class,
                PolicyThatLoadsAnAggregate.class, ReadModelInADomain.class);

        assertThatThrownBy(() -> DOMAIN_USES_NO_SPRING.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(SpringInADomain.class.getName());
        assertThatThrownBy(() -> POLICY_KNOWS_NO_AGGREGATE.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(PolicyThatLoadsAnAggregate.class.getName());
        assertThatThrownBy(() -> DOMAIN_KNOWS_NO_LATER_ROOM.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(ReadModelInADomain.class.getName());
    }

    /** Every serializer is Jackson; XStream on the class path would only be a deserialization attack surface. */
    @Test
    void xstreamIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    /** A module by where its classes come from: its classes directory or its jar. */
    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in module " + module, javaClass -> javaClass.getBaseComponentType()
                .getSource().map(source -> source.getUri().toString().contains("/" + module + "/"))
                .orElse(false));
    }
}
