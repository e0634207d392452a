package de.ticketwerk.app.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The roles of R-A2 and R-A4. A person or client may hold several; a token carries them in its roles claim. */
public enum AccessRole {
    ADMIN, DISPATCHER, TECHNICIAN, ACCOUNT_MANAGER, FINANCE, AUDITOR, CUSTOMER_USER, CUSTOMER_ADMIN,
    /** Integrations that open tickets (monitoring, mail gateway). */
    INTAKE,
    /** Integrations that scrape the metrics. */
    METRICS;

    public static final Set<AccessRole> CUSTOMER_PEOPLE = EnumSet.of(CUSTOMER_USER, CUSTOMER_ADMIN);
    public static final Set<AccessRole> INTEGRATIONS_ONLY = EnumSet.of(INTAKE, METRICS);

    /** The roles among these names; a name this application does not know is ignored. */
    public static Set<AccessRole> named(Iterable<?> names) {
        Set<AccessRole> roles = EnumSet.noneOf(AccessRole.class);
        for (Object name : names) {
            Arrays.stream(values()).filter(role -> role.name().equals(String.valueOf(name))).forEach(roles::add);
        }
        return roles;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean ofCustomer() {
        return CUSTOMER_PEOPLE.contains(this);
    }
}
