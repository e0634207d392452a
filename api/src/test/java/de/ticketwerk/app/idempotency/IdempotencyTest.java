package de.ticketwerk.app.idempotency;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdempotencyTest extends ApiTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndRecordNothingNew() {
        UUID customer = registerCustomer();
        String key = UUID.randomUUID().toString();
        String body = ticket(customer, "Drucker " + key);

        Http.Response first = post("/api/v1/tickets", body, key, Http.ACTOR);
        awaitCaughtUpEverywhere(); // what earlier tests set off is recorded before the count
        long events = eventCount();
        Http.Response again = post("/api/v1/tickets", body, key, Http.ACTOR);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(ticketsOpened("Drucker " + key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndRecordsNothing() {
        UUID customer = registerCustomer();
        String key = UUID.randomUUID().toString();
        assertThat(post("/api/v1/tickets", ticket(customer, "Erster " + key), key, Http.ACTOR).status())
                .isEqualTo(201);
        awaitCaughtUpEverywhere();
        long events = eventCount();

        Http.Response other = post("/api/v1/tickets", ticket(customer, "Zweiter " + key), key, Http.ACTOR);

        assertProblem(other, 422, "this Idempotency-Key was used for another request");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void fiftyIdenticalRequestsTenAtATimeStoreOneEvent() throws Exception {
        UUID customer = registerCustomer();
        UUID ticket = openTicket(customer, "Server langsam");
        String key = UUID.randomUUID().toString();
        String entry = """
                {"start": "2026-03-02T09:00:00+01:00", "end": "2026-03-02T09:40:00+01:00", "role": "TECHNICIAN",
                 "mode": "REMOTE", "description": "Dienste neu gestartet", "technician": "jonas"}""";
        List<Http.Response> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sent.add(clients.submit(() -> post("/api/v1/tickets/" + ticket + "/time-entries", entry, key,
                        Http.ACTOR)));
            }
            for (Future<Http.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers).extracting(Http.Response::status).containsOnly(201, 409).contains(201);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).extracting(Http.Response::text)
                .containsOnly(answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().text());
        assertThat(answers).filteredOn(answer -> answer.status() == 409)
                .allSatisfy(answer -> assertProblem(answer, 409, "still being handled"));
        assertThat(jdbc.queryForObject("""
                        SELECT COUNT(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = 'ticket.TimeLogged'""", Long.class,
                ticket.toString())).isEqualTo(1);
    }

    @Test
    void aRequestInFlightMakesASecondOneWithItsKeyWaitFor409() throws Exception {
        UUID customer = registerCustomer();
        String key = UUID.randomUUID().toString();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        Thread inFlight = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(new IdempotentRequests(jdbc).lock(Http.ACTOR, key)).isTrue();
            held.countDown();
            try {
                answered.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        inFlight.start();
        held.await(30, TimeUnit.SECONDS);
        awaitCaughtUpEverywhere();
        long events = eventCount();

        Http.Response second = post("/api/v1/tickets", ticket(customer, "Parallel " + key), key, Http.ACTOR);
        answered.countDown();
        inFlight.join();

        assertProblem(second, 409, "still being handled");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(post("/api/v1/tickets", ticket(customer, "Parallel " + key), key, Http.ACTOR).status())
                .isEqualTo(201);
    }

    @Test
    void aRefusedRequestIsNotKeptSoItsCorrectionMayUseTheKey() {
        UUID customer = registerCustomer();
        String key = UUID.randomUUID().toString();

        Http.Response refused = post("/api/v1/tickets", ticket(UUID.randomUUID(), "Unbekannt " + key), key,
                Http.ACTOR);
        Http.Response corrected = post("/api/v1/tickets", ticket(customer, "Unbekannt " + key), key, Http.ACTOR);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysBelongToTheirCallerAndExpireAfterTheRetention() {
        UUID customer = registerCustomer();
        String key = UUID.randomUUID().toString();
        String body = ticket(customer, "Zwei Leute " + key);

        Http.Response anna = post("/api/v1/tickets", body, key, Http.ACTOR);
        Http.Response ben = post("/api/v1/tickets", body, key, "ben");
        jdbc.update("UPDATE idempotent_request SET answered_at = answered_at - INTERVAL '25 hours' "
                + "WHERE principal = ? AND request_key = ?", Http.ACTOR, key);
        Http.Response annaNextDay = post("/api/v1/tickets", body, key, Http.ACTOR);

        assertThat(List.of(anna, ben, annaNextDay)).extracting(Http.Response::status).containsOnly(201);
        assertThat(List.of(anna.text(), ben.text(), annaNextDay.text())).doesNotHaveDuplicates();
        assertThat(ticketsOpened("Zwei Leute " + key)).isEqualTo(3);
    }

    @Test
    void whenTheAnswerCannotBeStoredNeitherAreTheEventsAndTheRetryRecordsThemOnce() {
        UUID customer = registerCustomer();
        UUID ticket = openTicket(customer, "Absturz beim Speichern");
        String key = "refused-by-trigger-" + UUID.randomUUID();
        owner().execute("""
                CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'disk full'; END $$""");
        owner().execute("""
                CREATE TRIGGER refuse_answer BEFORE INSERT ON idempotent_request FOR EACH ROW
                WHEN (NEW.request_key LIKE 'refused-by-trigger-%') EXECUTE FUNCTION refuse_answer()""");
        String comment = """
                {"visibility": "PUBLIC", "text": "Wir sind dran"}""";
        Http.Response failed;
        try {
            failed = post("/api/v1/tickets/" + ticket + "/comments", comment, key, Http.ACTOR);
        } finally {
            owner().execute("DROP TRIGGER refuse_answer ON idempotent_request");
            owner().execute("DROP FUNCTION refuse_answer()");
        }
        long commentsAfterFailure = comments(ticket);
        Http.Response retried = post("/api/v1/tickets/" + ticket + "/comments", comment, key, Http.ACTOR);
        Http.Response other = http.post("/api/v1/tickets/" + ticket + "/comments", comment);

        assertProblem(failed, 503, "nothing was changed");
        assertThat(commentsAfterFailure).isZero();
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        assertThat(comments(ticket)).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                        SELECT MAX(sequence_number) + 1 = COUNT(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ?""", Boolean.class, ticket.toString()))
                .as("no sequence number is missing: the cached ticket forgot the comment that was not stored")
                .isTrue();
    }

    @Test
    void aCommandOnATicketThatARequestWithAKeyChangedWaitsUntilThatRequestIsCommitted() throws Exception {
        UUID customer = registerCustomer();
        UUID ticket = openTicket(customer, "Zwei auf einmal");
        String key = "slow-to-commit-" + UUID.randomUUID();
        List<Answered> answers = whileAnswersOfKeysLike("slow-to-commit-%", "PERFORM pg_sleep(1.5); RETURN NEW;",
                () -> post("/api/v1/tickets/" + ticket + "/comments", comment("Mit Schlüssel"), key, Http.ACTOR),
                () -> http.send("POST", "/api/v1/tickets/" + ticket + "/comments", comment("Ohne Schlüssel"), "ben"));

        assertThat(answers).extracting(answered -> answered.response().status()).containsExactly(201, 201);
        assertThat(answers.get(1).at()).as("the second command waited for the first request's commit")
                .isGreaterThan(answers.get(0).at());
        assertThat(commentTexts(ticket)).containsExactly("Mit Schlüssel", "Ohne Schlüssel");
        awaitCaughtUp("tickets");
        assertThat(jdbc.queryForObject("SELECT updated_by FROM ticket_view WHERE ticket_id = ?", String.class,
                ticket)).as("the read model applied the comments in the ticket's order").isEqualTo("ben");
    }

    @Test
    void aCommandOnATicketThatARequestWithAKeyChangedBuildsOnlyOnWhatWasStoredWhenThatRequestFails()
            throws Exception {
        UUID customer = registerCustomer();
        UUID ticket = openTicket(customer, "Einer scheitert");
        String key = "fails-to-commit-" + UUID.randomUUID();
        List<Answered> answers = whileAnswersOfKeysLike("fails-to-commit-%",
                "PERFORM pg_sleep(1.5); RAISE EXCEPTION 'disk full';",
                () -> post("/api/v1/tickets/" + ticket + "/comments", comment("Verloren"), key, Http.ACTOR),
                () -> http.post("/api/v1/tickets/" + ticket + "/comments", comment("Gespeichert")));

        assertProblem(answers.get(0).response(), 503, "nothing was changed");
        assertThat(answers.get(1).response().status()).as(answers.get(1).response().text()).isEqualTo(201);
        assertThat(jdbc.queryForObject("""
                        SELECT MAX(sequence_number) + 1 = COUNT(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ?""", Boolean.class, ticket.toString()))
                .as("the second comment follows the stored events, not the one the failed request took back")
                .isTrue();
        assertThat(commentTexts(ticket)).containsExactly("Gespeichert");
    }

    private record Answered(Http.Response response, long at) {
    }

    /**
     * Sends {@code withKey}, whose answer a trigger holds up (and may refuse) after its command ran, and while it is
     * held up sends {@code other}; both answers with the instants they came, in that order.
     */
    private List<Answered> whileAnswersOfKeysLike(String keys, String triggerBody, Supplier<Http.Response> withKey,
                                                  Supplier<Http.Response> other) throws Exception {
        owner().execute("CREATE FUNCTION hold_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + triggerBody + " END $$");
        owner().execute("CREATE TRIGGER hold_answer BEFORE INSERT ON idempotent_request FOR EACH ROW WHEN "
                + "(NEW.request_key LIKE '" + keys + "') EXECUTE FUNCTION hold_answer()");
        JdbcTemplate superuser = superuser();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<Answered> first = client.submit(() -> new Answered(withKey.get(), System.nanoTime()));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> superuser
                    .queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'",
                            Long.class) > 0);
            Answered second = new Answered(other.get(), System.nanoTime());
            return List.of(first.get(30, TimeUnit.SECONDS), second);
        } finally {
            client.shutdownNow();
            owner().execute("DROP TRIGGER hold_answer ON idempotent_request");
            owner().execute("DROP FUNCTION hold_answer()");
        }
    }

    private List<String> commentTexts(UUID ticket) {
        return jdbc.queryForList("""
                SELECT payload::jsonb ->> 'text' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'ticket.CommentAdded' ORDER BY sequence_number""",
                String.class, ticket.toString());
    }

    private static String comment(String text) {
        return """
                {"visibility": "PUBLIC", "text": "%s"}""".formatted(text);
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        UUID customer = registerCustomer();
        awaitCaughtUpEverywhere();
        long events = eventCount();

        Http.Response tooLong = post("/api/v1/tickets", ticket(customer, "Schlüssel"), "k".repeat(256), Http.ACTOR);
        Http.Response blank = post("/api/v1/tickets", ticket(customer, "Schlüssel"), " ", Http.ACTOR);

        assertProblem(tooLong, 400, "Idempotency-Key must be 1 to 255 printable ASCII characters");
        assertProblem(blank, 400, "Idempotency-Key must be 1 to 255 printable ASCII characters");
        assertThat(eventCount()).isEqualTo(events);
    }

    private Http.Response post(String path, String body, String key, String actor) {
        return http.send("POST", path, body, actor, Map.of("Idempotency-Key", key));
    }

    private long comments(UUID ticket) {
        Long count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'ticket.CommentAdded'""", Long.class,
                ticket.toString());
        return count == null ? 0 : count;
    }

    private long ticketsOpened(String title) {
        awaitCaughtUp("tickets");
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ticket_view WHERE title = ?", Long.class, title);
        return count == null ? 0 : count;
    }

    private static String ticket(UUID customer, String title) {
        return """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "REMOTE_SUPPORT",
                 "title": "%s", "reporter": "Frau Berger"}""".formatted(customer, title);
    }
}
