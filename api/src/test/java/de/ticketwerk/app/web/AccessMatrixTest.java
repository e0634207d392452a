package de.ticketwerk.app.web;

import de.ticketwerk.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document × every role × own or foreign customer (R-A2, R-A3). The table below is
 * the specification, written apart from the code's annotations: an operation missing from it fails the test, an
 * allowed call must succeed with the operation's example, a forbidden one is 403, one without a token 401, and a
 * customer person's call on another customer's object is 404 (or an empty list), its answers naming no other
 * customer's ids.
 */
class AccessMatrixTest extends OperationExamples {

    private static final Set<String> STAFF_TICKET_READERS = Set.of("DISPATCHER", "TECHNICIAN", "ACCOUNT_MANAGER",
            "FINANCE", "AUDITOR");
    private static final Set<String> WORK = Set.of("DISPATCHER", "TECHNICIAN");
    private static final Set<String> DISPATCH = Set.of("DISPATCHER");
    private static final Set<String> ACCOUNTS = Set.of("ACCOUNT_MANAGER");
    private static final Set<String> MONEY = Set.of("ACCOUNT_MANAGER", "FINANCE", "AUDITOR");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final Set<String> FINANCE = Set.of("FINANCE");
    private static final Set<String> OPERATIONS = Set.of("ADMIN", "AUDITOR");
    private static final List<String> ROLES = List.of("ADMIN", "DISPATCHER", "TECHNICIAN", "ACCOUNT_MANAGER",
            "FINANCE", "AUDITOR", "CUSTOMER_USER", "CUSTOMER_ADMIN", "INTAKE", "METRICS");

    /** What a customer person gets when the example's object belongs to another customer. */
    enum Foreign { NOT_FOUND, EMPTY_LIST, UNKNOWN_CUSTOMER }

    record Rule(Set<String> roles, Foreign foreign) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        Set<String> ticketReaders = plus(STAFF_TICKET_READERS, "CUSTOMER_USER", "CUSTOMER_ADMIN");
        rule("GET /api/v1/tickets", ticketReaders, Foreign.EMPTY_LIST);
        rule("POST /api/v1/tickets", Set.of("DISPATCHER", "TECHNICIAN", "ACCOUNT_MANAGER", "CUSTOMER_USER",
                "CUSTOMER_ADMIN", "INTAKE"), Foreign.UNKNOWN_CUSTOMER);
        rule("GET /api/v1/tickets/{ticketId}", ticketReaders, Foreign.NOT_FOUND);
        rule("GET /api/v1/tickets/at-risk", DISPATCH, null);
        rule("GET /api/v1/mail/intake", DISPATCH, null);
        rule("POST /api/v1/mail/intake/{intakeId}/assignment", DISPATCH, null);
        rule("POST /api/v1/mail/intake/{intakeId}/dismissal", DISPATCH, null);
        rule("PUT /api/v1/tickets/{ticketId}/classification", DISPATCH, null);
        rule("PUT /api/v1/tickets/{ticketId}/priority", DISPATCH, null);
        rule("PUT /api/v1/tickets/{ticketId}/assignee", DISPATCH, null);
        rule("POST /api/v1/tickets/{ticketId}/escalate", DISPATCH, null);
        for (String step : List.of("start-work", "wait-for-customer", "resume-work", "resolve", "reopen", "close",
                "time-entries")) {
            rule("POST /api/v1/tickets/{ticketId}/" + step, WORK, null);
        }
        rule("PUT /api/v1/tickets/{ticketId}/time-entries/{entryId}", WORK, null);
        rule("DELETE /api/v1/tickets/{ticketId}/time-entries/{entryId}", WORK, null);
        rule("POST /api/v1/tickets/{ticketId}/comments", Set.of("DISPATCHER", "TECHNICIAN", "CUSTOMER_USER",
                "CUSTOMER_ADMIN"), Foreign.NOT_FOUND);
        Set<String> customerReaders = plus(STAFF_TICKET_READERS, "CUSTOMER_USER", "CUSTOMER_ADMIN");
        rule("GET /api/v1/customers", customerReaders, Foreign.EMPTY_LIST);
        rule("GET /api/v1/customers/{customerId}", customerReaders, Foreign.NOT_FOUND);
        rule("POST /api/v1/customers", ACCOUNTS, null);
        rule("PUT /api/v1/customers/{customerId}", ACCOUNTS, null);
        Set<String> contractReaders = plus(STAFF_TICKET_READERS, "CUSTOMER_ADMIN");
        rule("GET /api/v1/contracts", contractReaders, Foreign.EMPTY_LIST);
        rule("GET /api/v1/contracts/{contractId}", contractReaders, Foreign.NOT_FOUND);
        rule("POST /api/v1/contracts", ACCOUNTS, null);
        rule("POST /api/v1/contracts/{contractId}/price-changes", ACCOUNTS, null);
        rule("POST /api/v1/contracts/{contractId}/termination", ACCOUNTS, null);
        Set<String> quotaReaders = plus(MONEY, "CUSTOMER_ADMIN");
        rule("GET /api/v1/contracts/{contractId}/quota", quotaReaders, Foreign.NOT_FOUND);
        rule("GET /api/v1/contracts/{contractId}/quota/ledger", quotaReaders, Foreign.NOT_FOUND);
        rule("GET /api/v1/contracts/{contractId}/quota/notices", quotaReaders, Foreign.NOT_FOUND);
        rule("GET /api/v1/contracts/{contractId}/statements/quarterly/{year}/{quarter}", quotaReaders,
                Foreign.NOT_FOUND);
        rule("GET /api/v1/contracts/{contractId}/statements/annual/{year}", quotaReaders, Foreign.NOT_FOUND);
        rule("GET /api/v1/time-entries/{entryId}/pricing", MONEY, null);
        rule("GET /api/v1/pricing/without-contract", MONEY, null);
        rule("POST /api/v1/pricing/preview", MONEY, null);
        Set<String> invoiceReaders = Set.of("FINANCE", "AUDITOR", "CUSTOMER_ADMIN");
        rule("POST /api/v1/billing-runs", FINANCE, null);
        rule("GET /api/v1/invoices", invoiceReaders, Foreign.EMPTY_LIST);
        rule("GET /api/v1/invoices/{invoiceId}", invoiceReaders, Foreign.NOT_FOUND);
        rule("GET /api/v1/invoices/{invoiceId}/documents/{document}", invoiceReaders, Foreign.NOT_FOUND);
        rule("POST /api/v1/invoices/{invoiceId}/held-back-entries", FINANCE, null);
        rule("POST /api/v1/invoices/{invoiceId}/issue", FINANCE, null);
        rule("POST /api/v1/invoices/{invoiceId}/cancellation", FINANCE, null);
        rule("GET /api/v1/audit/{aggregateType}/{aggregateId}/events", OPERATIONS, null);
        rule("GET /api/v1/audit/events", OPERATIONS, null);
        rule("GET /api/v1/audit/chain", OPERATIONS, null);
        rule("GET /api/v1/audit/chain/verification", OPERATIONS, null);
        rule("POST /api/v1/audit/shadow-rebuild", OPERATIONS, null);
        rule("GET /api/v1/audit/shadow-rebuild/{id}", OPERATIONS, null);
        rule("GET /api/v1/projections", OPERATIONS, null);
        rule("GET /api/v1/projections/{name}", OPERATIONS, null);
        rule("POST /api/v1/projections/{name}/rebuild", ADMIN, null);
        rule("GET /api/v1/projections/{name}/dead-letters", OPERATIONS, null);
        rule("POST /api/v1/projections/{name}/dead-letters/retry", ADMIN, null);
        rule("DELETE /api/v1/projections/{name}/dead-letters/{sequence}", ADMIN, null);
        rule("GET /api/v1/users", ADMIN, null);
        rule("POST /api/v1/users", ADMIN, null);
        rule("PUT /api/v1/users/{username}", ADMIN, null);
        rule("GET /api/v1/clients", ADMIN, null);
        rule("POST /api/v1/clients", ADMIN, null);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Test
    void everyOperationHasARuleHereAndInTheCode() {
        assertThat(RULES.keySet()).containsExactlyInAnyOrderElementsOf(operations());
        List<String> withoutRule = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            boolean api = mapping.getPatternValues().stream().anyMatch(path -> path.startsWith("/api/"));
            if (api && method.getMethodAnnotation(Secured.class) == null) {
                withoutRule.add(mapping + " " + method);
            }
        });
        assertThat(withoutRule).as("controller methods without @Secured").isEmpty();
    }

    @Test
    void theDocumentNamesTheRolesOfEveryOperation() {
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String operation = method.getKey().toUpperCase() + " " + path.getKey();
            List<String> documented = new ArrayList<>();
            method.getValue().get("x-roles").forEach(role -> documented.add(role.asString()));
            assertThat(documented).as(operation).containsExactlyInAnyOrderElementsOf(RULES.get(operation).roles());
            assertThat(method.getValue().get("security").toString()).as(operation).contains("bearer");
        }));
    }

    @Test
    void everyRoleGetsWhatTheTableSaysAndNoMore() {
        UUID foreignCustomer = registerCustomer("Kanzlei Fremd", "BY");
        List<String> wrong = new ArrayList<>();
        examples.forEach((operation, example) -> {
            Rule rule = RULES.get(operation);
            Request forbiddenRequest = prepared(example);
            RawHttp.Response anonymous = send(forbiddenRequest, List.of());
            check(wrong, operation + " without a token", anonymous, 401);
            for (String role : ROLES) {
                boolean customerRole = role.startsWith("CUSTOMER_");
                String own = token(role, customerRole ? customer : null);
                if (!rule.roles().contains(role)) {
                    check(wrong, operation + " as " + role, send(forbiddenRequest, List.of(own)), 403);
                    continue;
                }
                RawHttp.Response allowed = send(prepared(example), List.of(own));
                check(wrong, operation + " as " + role, allowed, example.status());
                if (customerRole) {
                    assertNoForeignIds(wrong, operation + " as " + role, allowed.body());
                    RawHttp.Response foreign = send(prepared(example), List.of(token(role, foreignCustomer)));
                    String as = operation + " as " + role + " of another customer";
                    switch (rule.foreign()) {
                        case NOT_FOUND -> check(wrong, as, foreign, 404);
                        case UNKNOWN_CUSTOMER -> check(wrong, as, foreign, 422);
                        case EMPTY_LIST -> {
                            check(wrong, as, foreign, 200);
                            if (foreign.body().contains(customer.toString())) {
                                wrong.add(as + ": the answer names the example's customer");
                            }
                        }
                    }
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The read models follow the commands that prepared it. */
    private Request prepared(Example example) {
        Request request = example.prepare().get();
        awaitCaughtUpEverywhere();
        return request;
    }

    /** A TECHNICIAN acts as the technician whose entries the examples log: their own (R-A2). */
    private String token(String role, UUID customerId) {
        String subject = role.equals("TECHNICIAN") ? "jonas" : "matrix-" + role.toLowerCase();
        return "Authorization: Bearer " + tokens.token(subject, List.of(role), customerId);
    }

    private static void check(List<String> wrong, String what, RawHttp.Response response, int status) {
        if (response.status() != status) {
            wrong.add(what + ": " + response.status() + " instead of " + status + " " + response.body());
        } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(what + ": " + response.contentType() + " instead of problem+json");
        }
    }

    /** No id of a customer other than the example's own, nor of their tickets and contracts. */
    private void assertNoForeignIds(List<String> wrong, String what, String body) {
        List<String> foreign = jdbc.queryForList("""
                SELECT customer_id::text FROM customer_view WHERE customer_id <> ?
                UNION ALL SELECT ticket_id::text FROM ticket_view WHERE customer_id <> ?
                UNION ALL SELECT contract_id::text FROM contract_view WHERE customer_id <> ?""", String.class,
                customer, customer, customer);
        foreign.stream().filter(body::contains).findFirst()
                .ifPresent(id -> wrong.add(what + ": the answer names another customer's id " + id));
    }

    private static void rule(String operation, Set<String> roles, Foreign foreign) {
        RULES.put(operation, new Rule(roles, foreign));
    }

    private static Set<String> plus(Set<String> roles, String... more) {
        Set<String> all = new HashSet<>(roles);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
