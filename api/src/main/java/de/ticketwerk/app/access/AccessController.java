package de.ticketwerk.app.access;

import de.ticketwerk.app.registry.CustomerRegistry;
import de.ticketwerk.app.web.BadRequest;
import de.ticketwerk.app.web.NotFound;
import de.ticketwerk.app.web.SingleLine;
import de.ticketwerk.rules.StateConflict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** ADMIN manages the people who sign in at the embedded issuer and the integration clients (R-A2, R-A4). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class AccessController {

    static final String NAME = "[a-z0-9][a-z0-9._@-]{0,99}";

    /** BCrypt reads 72 bytes of a password and refuses more: 72 ASCII letters, 36 umlauts. */
    static final int PASSWORD_BYTES = 72;

    record AccountRequest(@NotNull @Pattern(regexp = NAME) String username,
                          @Size(min = 12, max = PASSWORD_BYTES) @SingleLine String password,
                          @NotEmpty Set<@NotNull AccessRole> roles, UUID customerId, Boolean enabled) {
    }

    record ClientRequest(@NotNull @Pattern(regexp = NAME) String clientId,
                         @NotEmpty Set<@NotNull AccessRole> roles) {
    }

    private final ObjectProvider<Accounts> accounts;
    private final ObjectProvider<IntegrationClients> clients;
    private final ObjectProvider<TokenStanding> standing;
    private final CustomerRegistry customers;

    AccessController(ObjectProvider<Accounts> accounts, ObjectProvider<IntegrationClients> clients,
                     ObjectProvider<TokenStanding> standing, CustomerRegistry customers) {
        this.accounts = accounts;
        this.clients = clients;
        this.standing = standing;
        this.customers = customers;
    }

    @PostMapping("/users")
    @Allowed.Admin
    ResponseEntity<Accounts.Account> createUser(@Valid @RequestBody AccountRequest body) {
        if (body.password() == null) {
            throw new BadRequest("password", "a new user needs a password of at least 12 characters");
        }
        Accounts.Account account = account(body);
        if (clients().exists(account.username()) || !accounts().create(account, body.password())) {
            throw new StateConflict("R-A2", "the name " + account.username() + " is taken");
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).body(account);
    }

    @PutMapping("/users/{username}")
    @Allowed.Admin
    Accounts.Account updateUser(@PathVariable @Pattern(regexp = NAME) String username,
                                @Valid @RequestBody AccountRequest body) {
        if (!username.equals(body.username())) {
            throw new BadRequest("username", "the body names another user than the path");
        }
        Accounts.Account account = account(body);
        if (!accounts().update(account, body.password())) {
            throw new NotFound("no user " + username);
        }
        standing.ifAvailable(TokenStanding::forget);
        return account;
    }

    @GetMapping("/users")
    @Allowed.Admin
    List<Accounts.Account> users() {
        return accounts().all();
    }

    @PostMapping("/clients")
    @Allowed.Admin
    ResponseEntity<Map<String, Object>> createClient(@Valid @RequestBody ClientRequest body) {
        if (body.roles().stream().anyMatch(AccessRole::ofCustomer)) {
            throw new BadRequest("roles", "an integration client acts for no customer person (R-A4)");
        }
        if (accounts().find(body.clientId()).isPresent()) {
            throw new StateConflict("R-A2", "the name " + body.clientId() + " is taken");
        }
        String secret = clients().create(body.clientId(), body.roles())
                .orElseThrow(() -> new StateConflict("R-A2", "the name " + body.clientId() + " is taken"));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + body.clientId()))
                .body(Map.of("clientId", body.clientId(), "roles", body.roles(), "clientSecret", secret));
    }

    @GetMapping("/clients")
    @Allowed.Admin
    List<IntegrationClients.Client> clientList() {
        return clients().all();
    }

    private Accounts.Account account(AccountRequest body) {
        if (body.password() != null && !fitsPassword(body.password())) {
            throw new BadRequest("password", "password must have at most " + PASSWORD_BYTES
                    + " bytes in UTF-8 (an umlaut takes two)");
        }
        boolean ofCustomer = body.roles().stream().anyMatch(AccessRole::ofCustomer);
        if (ofCustomer && body.roles().stream().anyMatch(role -> !role.ofCustomer())) {
            throw new BadRequest("roles", "a customer person holds only CUSTOMER_USER or CUSTOMER_ADMIN");
        }
        if (body.roles().stream().anyMatch(AccessRole.INTEGRATIONS_ONLY::contains)) {
            throw new BadRequest("roles", "INTAKE and METRICS are roles of integration clients (R-A4)");
        }
        if (ofCustomer != (body.customerId() != null)) {
            throw new BadRequest("customerId", "a customer person names their customer, staff name none");
        }
        if (ofCustomer && !customers.isRegistered(body.customerId())) {
            throw new BadRequest("customerId", "no customer " + body.customerId());
        }
        return new Accounts.Account(body.username(), body.roles(), body.customerId(),
                body.enabled() == null || body.enabled());
    }

    static boolean fitsPassword(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_BYTES;
    }

    private Accounts accounts() {
        return available(accounts.getIfAvailable());
    }

    private IntegrationClients clients() {
        return available(clients.getIfAvailable());
    }

    private static <T> T available(T part) {
        if (part == null) {
            throw new NotFound("people and clients are managed at the external issuer");
        }
        return part;
    }
}
