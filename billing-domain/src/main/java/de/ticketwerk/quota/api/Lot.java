package de.ticketwerk.quota.api;

import java.time.LocalDate;

/** Minutes of the lot credited on {@code creditedOn} (R-Q2). */
public record Lot(LocalDate creditedOn, long minutes) {
}
