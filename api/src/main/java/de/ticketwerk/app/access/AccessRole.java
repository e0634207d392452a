package de.ticketwerk.app.access;

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

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean ofCustomer() {
        return CUSTOMER_PEOPLE.contains(this);
    }
}
