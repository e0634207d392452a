package de.ticketwerk.app.access;

/**
 * Who may call what (R-A2), as the expressions of {@code @PreAuthorize} on every controller method. An endpoint
 * without one is refused to everybody ({@link AccessConfiguration}); the OpenAPI document lists the roles.
 */
public final class Allowed {

    public static final String ADMIN = "hasRole('ADMIN')";
    public static final String OPERATIONS = "hasAnyRole('ADMIN','AUDITOR')";

    public static final String TICKET_READERS = "hasAnyRole('DISPATCHER','TECHNICIAN','ACCOUNT_MANAGER','FINANCE',"
            + "'AUDITOR','CUSTOMER_USER','CUSTOMER_ADMIN')";
    public static final String TICKET_OPENERS = "hasAnyRole('DISPATCHER','TECHNICIAN','ACCOUNT_MANAGER',"
            + "'CUSTOMER_USER','CUSTOMER_ADMIN','INTAKE')";
    public static final String COMMENTERS = "hasAnyRole('DISPATCHER','TECHNICIAN','CUSTOMER_USER','CUSTOMER_ADMIN')";
    public static final String DISPATCH = "hasRole('DISPATCHER')";
    public static final String TICKET_WORK = "hasAnyRole('DISPATCHER','TECHNICIAN')";

    public static final String STAFF_READERS = "hasAnyRole('DISPATCHER','TECHNICIAN','ACCOUNT_MANAGER','FINANCE',"
            + "'AUDITOR')";
    public static final String MONEY_READERS = "hasAnyRole('ACCOUNT_MANAGER','FINANCE','AUDITOR')";
    public static final String CONTRACT_READERS = "hasAnyRole('DISPATCHER','TECHNICIAN','ACCOUNT_MANAGER','FINANCE',"
            + "'AUDITOR','CUSTOMER_ADMIN')";
    public static final String QUOTA_READERS = "hasAnyRole('ACCOUNT_MANAGER','FINANCE','AUDITOR','CUSTOMER_ADMIN')";
    public static final String CUSTOMER_READERS = "hasAnyRole('DISPATCHER','TECHNICIAN','ACCOUNT_MANAGER','FINANCE',"
            + "'AUDITOR','CUSTOMER_USER','CUSTOMER_ADMIN')";
    public static final String ACCOUNT_MANAGEMENT = "hasRole('ACCOUNT_MANAGER')";

    private Allowed() {
    }
}
