package de.ticketwerk.customer.api;

/** R-S4: what a customer can be told by e-mail; each kind goes to the addresses the customer chose for it. */
public enum NotificationKind {
    TICKET_OPENED,
    TICKET_STATUS_CHANGED,
    TICKET_RESOLVED,
    QUOTA_EXHAUSTED,
    QUARTERLY_STATEMENT,
    ANNUAL_STATEMENT,
    SERVICE_REPORT,
    INVOICE
}
