package de.ticketwerk.app.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.ticketwerk.app.config.EmbeddedPostgresServer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as it runs: embedded PostgreSQL (a fresh data directory per test run, fsync off for speed),
 * real HTTP, real Axon buses and processors. All subclasses share one application context and one clock
 * ({@link #CLOCK}): a test that needs another day moves it, and before each test it follows the system's time again.
 * The hourly timers of the quota calendar and the billing schedule are off here, so that no tick runs on a clock a
 * test has moved; their own tests start applications of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketwerk.embedded-postgres.data-dir=target/test-data/${random.uuid}",
        "ticketwerk.embedded-postgres.durable=false",
        "ticketwerk.security.admin-password=" + ApiTest.ADMIN_PASSWORD,
        "ticketwerk.security.clients.monitoring.secret=" + ApiTest.MONITORING_SECRET,
        "ticketwerk.security.clients.monitoring.roles=INTAKE",
        "ticketwerk.security.clients.prometheus.secret=" + ApiTest.PROMETHEUS_SECRET,
        "ticketwerk.security.clients.prometheus.roles=METRICS",
        // sign-in slows down after three wrong passwords; sooner here, so that a test sees the lock in seconds
        "ticketwerk.security.sign-in.first-delay=200ms",
        "ticketwerk.security.sign-in.lock-after=6",
        "ticketwerk.invoicing.run-cron=-",
        "ticketwerk.quota.close-cron=-",
        // a response deadline that passed is breached within a second or two (R-S2)
        "ticketwerk.schedule.polling-interval=1s",
        "ticketwerk.mail.delivery-interval=200ms"
})
public abstract class ApiTest {

    public static final String ADMIN_PASSWORD = "first-admin-password";
    public static final String MONITORING_SECRET = "monitoring-secret-for-tests";
    public static final String PROMETHEUS_SECRET = "prometheus-secret-for-tests";

    /** The application's clock in every API test. */
    protected static final MovableClock CLOCK = new MovableClock();

    /**
     * A real SMTP server that receives every mail the application sends (R-S4), tests telling theirs by recipient,
     * and a real IMAP server with the support mailbox (R-S3), which the tests of {@link #readSupportMailbox} read.
     */
    protected static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    public static final String SUPPORT = "support@test-it.example";
    protected static final GreenMailUser SUPPORT_MAILBOX;

    static {
        MAIL.start();
        SUPPORT_MAILBOX = MAIL.setUser(SUPPORT, "support", "support-secret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /**
     * The application reads the support mailbox (R-S3). Only for the test classes that deliver to it: every cached
     * application context with these settings polls the one mailbox, and another context would take their mails.
     */
    protected static void readSupportMailbox(DynamicPropertyRegistry properties) {
        properties.add("ticketwerk.mail.intake.host", () -> "127.0.0.1");
        properties.add("ticketwerk.mail.intake.port", () -> MAIL.getImap().getPort());
        properties.add("ticketwerk.mail.intake.protocol", () -> "imap");
        properties.add("ticketwerk.mail.intake.username", () -> "support");
        properties.add("ticketwerk.mail.intake.password", () -> "support-secret");
        properties.add("ticketwerk.mail.intake.interval", () -> "1s");
        properties.add("ticketwerk.mail.intake.max-message-size", () -> "2MB");
        properties.add("ticketwerk.mail.intake.max-attachment-size", () -> "100KB");
    }

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @Value("${local.server.port}")
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventProcessingConfiguration processing;

    @Autowired
    private org.springframework.context.ApplicationContext context;

    protected TestTokens tokens;

    protected Http http;

    /** Waits until the processor has handled every event stored so far. */
    protected void awaitCaughtUp(String processorName) {
        awaitCaughtUp(processing.eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow());
    }

    protected void awaitCaughtUp(StreamingEventProcessor processor) {
        if (eventCount() == 0) {
            return; // nothing to catch up with: a processor's token stays empty until the first event
        }
        await(processor.getName() + " caught up with " + lastGlobalIndex() + ": " + processor.processingStatus())
                .atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> !processor.isReplaying()
                && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp())
                && processor.processingStatus().values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= lastGlobalIndex()));
    }

    /** Until no processor has anything left to do, not even what another one appended meanwhile. */
    protected void awaitCaughtUpEverywhere() {
        long events;
        do {
            events = eventCount();
            processing.eventProcessors().keySet().stream().filter(name -> !name.equals("registry"))
                    .forEach(this::awaitCaughtUp);
        } while (eventCount() != events);
    }

    private long lastGlobalIndex() {
        Long index = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return index == null ? 0 : index;
    }

    /** Until the hash chain has linked every event stored so far (R-AU3); the last stored position. */
    protected long awaitLinked() {
        return awaitLinked(jdbc);
    }

    public static long awaitLinked(JdbcTemplate jdbc) {
        long last = jdbc.queryForObject("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(max(position), 0) FROM event_link", Long.class) >= last);
        return last;
    }

    /** As the owner of the tables, for tests that change the schema itself (a probe table, a trigger). */
    protected JdbcTemplate owner() {
        return ownerJdbc(context);
    }

    /** As the database's superuser, for what only it may see, such as other sessions' activity. */
    protected JdbcTemplate superuser() {
        EmbeddedPostgresServer postgres = context.getBean(EmbeddedPostgresServer.class);
        return new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres",
                postgres.superuserPassword()));
    }

    public static JdbcTemplate ownerJdbc(org.springframework.context.ApplicationContext context) {
        EmbeddedPostgresServer postgres = context.getBean(EmbeddedPostgresServer.class);
        return new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.owner(),
                postgres.ownerPassword()));
    }

    protected int port() {
        return port;
    }

    /** The technicians the tests name on their entries: colleagues who have signed in before (R-A2). */
    public static final List<String> COLLEAGUES = List.of("tom", "jonas", "mia");

    @BeforeEach
    protected void connect() {
        CLOCK.followSystem();
        tokens = new TestTokens(context);
        http = new Http(port, tokens);
        COLLEAGUES.forEach(name -> jdbc.update("INSERT INTO staff_person (name) VALUES (?) ON CONFLICT DO NOTHING",
                name));
    }

    protected long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    protected UUID registerCustomer() {
        return registerCustomer("Steuerberatung Berger", "NW");
    }

    protected UUID registerCustomer(String name, String federalState) {
        return registerCustomer(http, name, federalState);
    }

    public static UUID registerCustomer(Http http, String name, String federalState) {
        Http.Response response = http.post("/api/v1/customers", """
                {"name": "%s", "federalState": "%s", "address": {"street": "Marktstraße 1", "postalCode": "48143",
                 "city": "Münster"}, "vatId": "DE123456789", "debtorNumber": "10042",
                 "reportEmails": ["kanzlei@berger.example"]}""".formatted(name, federalState));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("customerId").asString());
    }

    protected UUID registerWithNotifications(String name, String notifications) {
        Http.Response response = http.post("/api/v1/customers", """
                {"name": "%s", "federalState": "NW", "notifications": %s}""".formatted(name, notifications));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode customer = response.json();
        return UUID.fromString(customer.get("customerId").asString());
    }

    protected UUID openTicket(UUID customerId, String title) {
        Http.Response response = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "priority": "HIGH", "title": "%s", "description": "Nothing prints", "reporter": "Frau Berger"}"""
                .formatted(customerId, title));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("ticketId").asString());
    }

    protected UUID logTime(UUID ticketId, String start, String end) {
        Http.Response response = http.post("/api/v1/tickets/" + ticketId + "/time-entries", """
                {"start": "%s", "end": "%s", "role": "TECHNICIAN", "mode": "REMOTE",
                 "description": "Reinstalled the driver", "technician": "jonas"}""".formatted(start, end));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return UUID.fromString(response.json().get("entryId").asString());
    }

    /** Pricing follows a time event asynchronously; wait until the entry's pricing matches. */
    protected JsonNode awaitPricing(UUID entryId, Predicate<JsonNode> condition) {
        return awaitPricing(http, entryId, condition);
    }

    public static JsonNode awaitPricing(Http http, UUID entryId, Predicate<JsonNode> condition) {
        return awaitGet(http, "/api/v1/time-entries/" + entryId + "/pricing", condition);
    }

    protected JsonNode awaitContract(UUID contractId, Predicate<JsonNode> condition) {
        return awaitGet(http, "/api/v1/contracts/" + contractId, condition);
    }

    protected JsonNode awaitCustomer(UUID customerId, Predicate<JsonNode> condition) {
        return awaitGet(http, "/api/v1/customers/" + customerId, condition);
    }

    /** Read models follow the commands asynchronously: GET until the answer is 200 and matches. */
    public static JsonNode awaitGet(Http http, String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Http.Response response = http.get(path);
            last[0] = response.status() == 200 ? response.json() : null;
            return last[0] != null && condition.test(last[0]);
        });
        return last[0];
    }

    protected UUID concludeContract(UUID customerId, String fields) {
        Http.Response response = http.post("/api/v1/contracts", """
                {"customerId": "%s", %s}""".formatted(customerId, fields));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.location()).isEqualTo("/api/v1/contracts/" + response.json().get("contractId").asString());
        return UUID.fromString(response.json().get("contractId").asString());
    }

    /** The billing run of {@code month} for one customer, again until the read models show its work: the draft. */
    public static String draft(Http http, UUID customer, String month) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Response answer = http.post("/api/v1/billing-runs",
                    "{\"month\": \"%s\", \"customerId\": \"%s\"}".formatted(month, customer));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            run[0] = answer.json();
            return !run[0].get("drafts").isEmpty();
        });
        return run[0].get("drafts").get(0).get("invoiceId").asString();
    }

    public static void issue(Http http, String invoiceId, String issueDate) {
        Http.Response issued = http.post("/api/v1/invoices/" + invoiceId + "/issue",
                "{\"issueDate\": \"%s\"}".formatted(issueDate));
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
    }

    /** An issued invoice's document: rendered by the documents process within moments. */
    public static Http.Response document(Http http, Object invoiceId, String name) {
        Http.Response[] last = new Http.Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = http.get("/api/v1/invoices/" + invoiceId + "/documents/" + name);
            return last[0].status() == 200;
        });
        return last[0];
    }

    protected static void assertProblem(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    protected void ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    /** The read model follows the commands asynchronously; wait until it shows what the test expects. */
    protected JsonNode awaitTicket(UUID ticketId, Predicate<JsonNode> condition) {
        return awaitGet(http, "/api/v1/tickets/" + ticketId, condition);
    }

    /** The ticket's number (R-S1) once its view has it. */
    protected String ticketNumber(UUID ticketId) {
        return awaitTicket(ticketId, detail -> detail.get("ticket").hasNonNull("number")).get("ticket").get("number")
                .asString();
    }
}
