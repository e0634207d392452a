package de.ticketwerk.app.access;

import org.springframework.security.access.annotation.Secured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call what (R-A2): one annotation per group of roles, each a {@code @Secured} list, on every controller
 * method; {@code AccessMatrixTest} fails for an endpoint without one. The OpenAPI document lists the roles.
 * {@code @Secured} and not {@code @PreAuthorize}: a list of roles needs no expression evaluated per call
 * (BENCHMARKS.md, issue 13).
 */
public final class Allowed {

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured("ROLE_ADMIN")
    public @interface Admin {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_ADMIN", "ROLE_AUDITOR"})
    public @interface Operations {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN", "ROLE_ACCOUNT_MANAGER", "ROLE_FINANCE", "ROLE_AUDITOR",
            "ROLE_CUSTOMER_USER", "ROLE_CUSTOMER_ADMIN"})
    public @interface TicketReaders {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN", "ROLE_ACCOUNT_MANAGER", "ROLE_CUSTOMER_USER",
            "ROLE_CUSTOMER_ADMIN", "ROLE_INTAKE"})
    public @interface TicketOpeners {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN", "ROLE_CUSTOMER_USER", "ROLE_CUSTOMER_ADMIN"})
    public @interface Commenters {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured("ROLE_DISPATCHER")
    public @interface Dispatch {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN"})
    public @interface TicketWork {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN", "ROLE_ACCOUNT_MANAGER", "ROLE_FINANCE", "ROLE_AUDITOR"})
    public @interface StaffReaders {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_ACCOUNT_MANAGER", "ROLE_FINANCE", "ROLE_AUDITOR"})
    public @interface MoneyReaders {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN", "ROLE_ACCOUNT_MANAGER", "ROLE_FINANCE", "ROLE_AUDITOR",
            "ROLE_CUSTOMER_ADMIN"})
    public @interface ContractReaders {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_ACCOUNT_MANAGER", "ROLE_FINANCE", "ROLE_AUDITOR", "ROLE_CUSTOMER_ADMIN"})
    public @interface QuotaReaders {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_DISPATCHER", "ROLE_TECHNICIAN", "ROLE_ACCOUNT_MANAGER", "ROLE_FINANCE", "ROLE_AUDITOR",
            "ROLE_CUSTOMER_USER", "ROLE_CUSTOMER_ADMIN"})
    public @interface CustomerReaders {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured("ROLE_ACCOUNT_MANAGER")
    public @interface AccountManagement {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured("ROLE_FINANCE")
    public @interface Finance {
    }

    @Documented @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
    @Secured({"ROLE_FINANCE", "ROLE_AUDITOR", "ROLE_CUSTOMER_ADMIN"})
    public @interface InvoiceReaders {
    }

    private Allowed() {
    }
}
