package de.ticketwerk.load;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the crash test drives: customers with QUOTA (600 minutes a month, worked beyond them: settlements and
 * exhaustion; 6,000 a month, mostly left: March resets), HOURLY and SERVICE contracts over the last 26 months; tickets shared by all clients;
 * time entries logged late into past periods, corrected and voided; status changes, comments and escalations that
 * the ticket's current state often refuses. Every request is sent as an actor of its own, so that what it stored can
 * be found whatever it was answered, or if it was not answered at all.
 */
final class CrashWorkload {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Longer than a restart after kill -9 takes. */
    private static final Duration RETRY_PATIENCE = Duration.ofMinutes(3);
    private static final String IN_FLIGHT = "Idempotency-Key is still being handled";

    record Customer(UUID customerId, UUID contractId, String type, LocalDate start) {
    }

    record Ticket(UUID ticketId, Customer customer) {
    }

    /**
     * One request and its answer: status 0 if none came within the retry patience. {@code id} is what a 2xx answer
     * named; {@code attempts} how often it was sent, always with the same Idempotency-Key.
     */
    record Sent(String command, String actor, int status, UUID id, int attempts) {
    }

    private record Entry(UUID ticketId, UUID entryId) {
    }

    private final String baseUrl;
    private final Tokens tokens;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final List<Customer> customers = new CopyOnWriteArrayList<>();
    private final List<Ticket> tickets = new CopyOnWriteArrayList<>();

    CrashWorkload(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Customer> customers() {
        return List.copyOf(customers);
    }

    void stop() {
        stopped.set(true);
    }

    /** Contracts from the first of the month 26 months ago; three tickets in progress per customer. */
    void setUp() throws IOException {
        Api api = new Api(baseUrl, tokens);
        LocalDate start = LocalDate.now(BERLIN).withDayOfMonth(1).minusMonths(26);
        customers.add(customer(api, "QUOTA", start, """
                "quota": {"allotmentMinutes": 600, "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH",
                 "settlement": "MONTHLY"}"""));
        customers.add(customer(api, "QUOTA", start, """
                "quota": {"allotmentMinutes": 6000, "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH",
                 "settlement": "QUARTERLY"}"""));
        customers.add(customer(api, "HOURLY", start, "\"travelFee\": 35.00, \"emergencyPercent\": 20"));
        customers.add(customer(api, "SERVICE", start, "\"level\": \"STANDARD\""));
        for (Customer customer : customers) {
            for (int i = 0; i < 3; i++) {
                UUID ticket = UUID.fromString(api.postOk("/api/v1/tickets", openTicket(customer, "Betreuung " + i))
                        .get("ticketId").asString());
                ok(api.send("PUT", "/api/v1/tickets/" + ticket + "/assignee", "{\"assignee\": \"jonas\"}", "setup"));
                ok(api.send("POST", "/api/v1/tickets/" + ticket + "/start-work", null, "setup"));
                tickets.add(new Ticket(ticket, customer));
            }
        }
    }

    /**
     * A QUOTA contract ten years back, for a customer of its own: its ledger catches up for seconds after the
     * answer. Recorded as sent; the quota is checked with the others.
     */
    Customer concludeLongAgo(String actor) throws IOException {
        Api api = new Api(baseUrl, tokens);
        LocalDate start = LocalDate.now(BERLIN).minusYears(10);
        UUID customer = registerCustomer(api, "Kanzlei Zehn Jahre");
        Api.Response answer = api.send("POST", "/api/v1/contracts", """
                {"customerId": "%s", "type": "QUOTA", "startDate": "%s", "quota": {"allotmentMinutes": 600,
                 "period": "MONTH", "expiry": "CARRY_OVER_UNTIL_MARCH", "settlement": "QUARTERLY"}}"""
                .formatted(customer, start), actor);
        UUID contract = UUID.fromString(ok(answer).json().get("contractId").asString());
        sent.add(new Sent("ConcludeContract", actor, answer.status(), contract, 1));
        Customer concluded = new Customer(customer, contract, "QUOTA", start);
        customers.add(concluded);
        return concluded;
    }

    Thread start(int clients, long seed) {
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(LoadDriver.started("crash-client-" + c, () -> drive(client, new Random(seed + client))));
        }
        return LoadDriver.started("crash-load", () -> {
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    private void drive(int client, Random random) {
        Api api = new Api(baseUrl, tokens);
        List<Entry> entries = new ArrayList<>();
        for (int n = 0; !stopped.get(); n++) {
            String actor = "crash-c" + client + "-" + n;
            Ticket ticket = tickets.get(random.nextInt(tickets.size()));
            String on = "/api/v1/tickets/" + ticket.ticketId();
            int dice = random.nextInt(100);
            if (dice < 45) {
                Sent logged = send(api, "LogTime", "POST", on + "/time-entries", entry(ticket, random, actor, null),
                        actor, "entryId");
                if (logged.id() != null) {
                    entries.add(new Entry(ticket.ticketId(), logged.id()));
                }
            } else if (dice < 55 && !entries.isEmpty()) {
                Entry entry = entries.get(random.nextInt(entries.size()));
                send(api, "CorrectTimeEntry", "PUT", "/api/v1/tickets/" + entry.ticketId() + "/time-entries/"
                        + entry.entryId(), entry(ticket, random, actor, "corrected by " + actor), actor, null);
            } else if (dice < 61 && !entries.isEmpty()) {
                Entry entry = entries.remove(random.nextInt(entries.size()));
                send(api, "VoidTimeEntry", "DELETE", "/api/v1/tickets/" + entry.ticketId() + "/time-entries/"
                        + entry.entryId(), "{\"reason\": \"voided by " + actor + "\"}", actor, null);
            } else if (dice < 66) {
                send(api, "AddComment", "POST", on + "/comments",
                        "{\"visibility\": \"PUBLIC\", \"text\": \"comment of " + actor + "\"}", actor, null);
            } else if (dice < 70) {
                send(api, "EscalateTicket", "POST", on + "/escalate", "{\"reason\": \"by " + actor + "\"}", actor,
                        null);
            } else if (dice < 75) {
                send(api, "AssignTicket", "PUT", on + "/assignee", "{\"assignee\": \"" + actor + "\"}", actor, null);
            } else if (dice < 90) {
                String[] change = switch (random.nextInt(6)) {
                    case 0 -> new String[]{"WaitForCustomer", "/wait-for-customer", "{\"reason\": \"" + actor + "\"}"};
                    case 1 -> new String[]{"ResumeWork", "/resume-work", null};
                    case 2 -> new String[]{"ResolveTicket", "/resolve", "{\"resolution\": \"" + actor + "\"}"};
                    case 3 -> new String[]{"ReopenTicket", "/reopen", "{\"reason\": \"" + actor + "\"}"};
                    case 4 -> new String[]{"StartWork", "/start-work", null};
                    default -> new String[]{"CloseTicket", "/close", null};
                };
                send(api, change[0], "POST", on + change[1], change[2], actor, null);
            } else {
                Customer customer = customers.get(random.nextInt(Math.min(4, customers.size())));
                Sent opened = send(api, "OpenTicket", "POST", "/api/v1/tickets", openTicket(customer, actor), actor,
                        "ticketId");
                if (opened.id() != null) {
                    tickets.add(new Ticket(opened.id(), customer));
                }
            }
        }
    }

    /** Work on a day of the contract's time so far, often outside service hours, on weekends, as an emergency. */
    private static String entry(Ticket ticket, Random random, String actor, String reason) {
        LocalDate today = LocalDate.now(BERLIN);
        long days = ChronoUnit.DAYS.between(ticket.customer().start(), today.minusDays(1));
        LocalDate day = ticket.customer().start().plusDays(random.nextLong(Math.max(days, 1)));
        Instant start = day.atTime(random.nextInt(24), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        Instant end = start.plus(5 + random.nextInt(240), ChronoUnit.MINUTES);
        boolean billable = random.nextInt(10) > 0;
        return """
                {"start": "%s", "end": "%s", "role": "%s", "mode": "%s", "description": "work of %s",
                 "billable": %s, %s"emergency": %s%s}""".formatted(start, end,
                List.of("TECHNICIAN", "SYSTEM_ENGINEER", "CONSULTANT", "ARCHITECT").get(random.nextInt(4)),
                random.nextBoolean() ? "REMOTE" : "ONSITE", actor, billable,
                billable ? "" : "\"nonBillableReason\": \"goodwill\", ", random.nextInt(20) == 0,
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

    /**
     * Sends the request until it is answered, as a client that cannot tell whether an unanswered request was
     * stored: again with the same Idempotency-Key (the actor, unique per request) after no answer, or while the
     * first attempt is still in flight.
     */
    private Sent send(Api api, String command, String method, String path, String json, String actor,
                      String idField) {
        long giveUpAt = System.nanoTime() + RETRY_PATIENCE.toNanos();
        Sent result = null;
        for (int attempt = 1; result == null; attempt++) {
            try {
                Api.Response answer = api.send(method, path, json, actor, actor);
                if (answer.status() == 409 && answer.body().contains(IN_FLIGHT) && System.nanoTime() < giveUpAt) {
                    LoadDriver.pause(50);
                    continue;
                }
                UUID id = answer.ok() && idField != null ? UUID.fromString(answer.json().get(idField).asString())
                        : null;
                result = new Sent(command, actor, answer.status(), id, attempt);
            } catch (IOException noAnswer) {
                if (System.nanoTime() >= giveUpAt) {
                    result = new Sent(command, actor, 0, null, attempt);
                } else {
                    LoadDriver.pause(50);
                }
            }
        }
        sent.add(result);
        return result;
    }

    private static String openTicket(Customer customer, String title) {
        String item = switch (customer.type()) {
            case "SERVICE" -> "REMOTE_SUPPORT";
            case "HOURLY" -> "DEVICE_ADMIN";
            default -> "HOTLINE";
        };
        return """
                {"customerId": "%s", "channel": "PORTAL", "kind": "INCIDENT", "serviceItem": "%s",
                 "title": "%s", "reporter": "Frau Berger"}""".formatted(customer.customerId(), item, title);
    }

    private static Customer customer(Api api, String type, LocalDate start, String terms) throws IOException {
        UUID customer = registerCustomer(api, "Kanzlei " + type);
        UUID contract = UUID.fromString(api.postOk("/api/v1/contracts", """
                {"customerId": "%s", "type": "%s", "startDate": "%s", %s}""".formatted(customer, type, start, terms))
                .get("contractId").asString());
        return new Customer(customer, contract, type, start);
    }

    private static UUID registerCustomer(Api api, String name) throws IOException {
        return UUID.fromString(api.postOk("/api/v1/customers", """
                {"name": "%s", "federalState": "NW"}""".formatted(name)).get("customerId").asString());
    }

    private static Api.Response ok(Api.Response response) throws IOException {
        if (!response.ok()) {
            throw new IOException("set-up step answered " + response.status() + ": " + response.body());
        }
        return response;
    }
}
