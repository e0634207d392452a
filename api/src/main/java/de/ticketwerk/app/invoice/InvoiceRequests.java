package de.ticketwerk.app.invoice;

import de.ticketwerk.app.web.BusinessDate;
import de.ticketwerk.app.web.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

final class InvoiceRequests {

    private InvoiceRequests() {
    }

    /** A run of {@code month} for every customer, or for {@code customerId} only. */
    record RunRequest(@NotNull @BusinessDate YearMonth month, UUID customerId) {
    }

    record HoldBackRequest(@NotNull UUID entryId, @NotBlank @Size(max = 500) @SingleLine String reason) {
    }

    /** {@code issueDate}: today (Berlin) unless given. */
    record IssueRequest(@BusinessDate LocalDate issueDate) {
    }

    record CancelRequest(@NotBlank @Size(max = 500) @SingleLine String reason, @BusinessDate LocalDate date) {
    }
}
