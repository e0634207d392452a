package de.ticketwerk.pricing.api;

/** How a time entry is paid for. */
public enum Settlement {
    /** Charged in euros (HOURLY, uncovered or out-of-hours SERVICE work, project work). */
    MONEY,
    /** Debits the quota by billed plus surcharge minutes (R-C2). */
    QUOTA,
    /** Included in the service level's fee (R-C3). */
    COVERED,
    /** Costs nothing; the reason is kept (R-E2). */
    NOT_BILLABLE
}
