package de.ticketwerk.terms;

import de.ticketwerk.ticket.api.ServiceItem;

import java.util.EnumSet;
import java.util.Set;

import static de.ticketwerk.ticket.api.ServiceItem.*;

/** The levels of a SERVICE contract: what each includes by default (R-C4) and its response time (R-C5), seed 004. */
public enum ServiceLevel {
    BASIC(12, EnumSet.of(MONITORING, HOTLINE, REMOTE_ACCESS, TICKET_SYSTEM, DOCUMENTATION, ANTIVIRUS_CHECK)),
    STANDARD(10, with(BASIC.included, PATCH_MANAGEMENT, STANDARD_SOFTWARE, BACKUP_CHECK, DEVICE_ADMIN, REMOTE_SUPPORT,
            FIXED_CONTACT, MONTHLY_REPORT)),
    COMFORT(6, with(STANDARD.included, ONSITE_SUPPORT, SERVER_ADMIN, NEW_HW_SW_SETUP, USER_ADMIN, BUSINESS_SOFTWARE,
            CONSULTING, INVENTORY, BUDGET_PLANNING));

    /** Never covered by any contract (seed 001). */
    public static final Set<ServiceItem> NEVER_COVERED = EnumSet.of(PROJECT, HARDWARE_REPAIR, DATA_RECOVERY);

    private final int responseHours;
    private final Set<ServiceItem> included;

    ServiceLevel(int responseHours, Set<ServiceItem> included) {
        this.responseHours = responseHours;
        this.included = included;
    }

    /** R-C5: hours counted in service hours only. */
    public int responseHours() {
        return responseHours;
    }

    public Set<ServiceItem> includedItems() {
        return EnumSet.copyOf(included);
    }

    private static Set<ServiceItem> with(Set<ServiceItem> base, ServiceItem... more) {
        EnumSet<ServiceItem> items = EnumSet.copyOf(base);
        items.addAll(Set.of(more));
        return items;
    }
}
