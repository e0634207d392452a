package de.ticketwerk.invoice.api;

import de.ticketwerk.pricing.api.Settlement;
import de.ticketwerk.ticket.api.Role;
import de.ticketwerk.ticket.api.ServiceItem;
import de.ticketwerk.ticket.api.WorkMode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One time entry of the month on the service report (R-I1, seed 003): billable or not, with how it is paid
 * ({@code settlement}: money, quota, covered by the service level, or not billable with its reason). {@code ticketNumber}
 * (R-S1) is null for tickets opened before tickets had numbers, and in reports drafted before it was kept.
 */
public record ReportEntry(UUID entryId, UUID ticketId, String ticketNumber, LocalDate workDate, ServiceItem serviceItem, String technician,
                          Role role, WorkMode mode, long rawMinutes, long billedMinutes, Settlement settlement,
                          long quotaMinutes, BigDecimal net, String nonBillableReason) {
}
