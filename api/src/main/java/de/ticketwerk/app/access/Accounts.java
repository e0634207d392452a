package de.ticketwerk.app.access;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The people who sign in at the embedded issuer, in PostgreSQL with hashed passwords. */
public class Accounts implements UserDetailsService {

    public record Account(String username, Set<AccessRole> roles, UUID customerId, boolean enabled) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("SELECT password_hash, roles, enabled FROM account WHERE username = ?",
                rows -> {
                    if (!rows.next()) {
                        throw new UsernameNotFoundException("no account " + username);
                    }
                    return User.withUsername(username).password(rows.getString(1))
                            .authorities(roles(rows.getString(2)).stream().map(AccessRole::authority)
                                    .toArray(String[]::new))
                            .disabled(!rows.getBoolean(3)).build();
                }, username);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT username, roles, customer_id, enabled FROM account WHERE username = ?",
                (row, n) -> new Account(row.getString(1), roles(row.getString(2)), row.getObject(3, UUID.class),
                        row.getBoolean(4)), username).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT username, roles, customer_id, enabled FROM account ORDER BY username",
                (row, n) -> new Account(row.getString(1), roles(row.getString(2)), row.getObject(3, UUID.class),
                        row.getBoolean(4)));
    }

    public boolean any() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account)", Boolean.class));
    }

    /** False when the name is taken. */
    public boolean create(Account account, String password) {
        try {
            jdbc.update("INSERT INTO account (username, password_hash, roles, customer_id, enabled) "
                            + "VALUES (?, ?, ?, ?, ?)", account.username(), passwords.encode(password),
                    names(account.roles()), account.customerId(), account.enabled());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** False when there is no such account. */
    public boolean update(Account account, String password) {
        return jdbc.update("UPDATE account SET roles = ?, customer_id = ?, enabled = ?, "
                        + "password_hash = COALESCE(?, password_hash) WHERE username = ?", names(account.roles()),
                account.customerId(), account.enabled(), password == null ? null : passwords.encode(password),
                account.username()) == 1;
    }

    static String names(Set<AccessRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
    }

    static Set<AccessRole> roles(String names) {
        return AccessRole.named(List.of(names.split(" ")));
    }
}
