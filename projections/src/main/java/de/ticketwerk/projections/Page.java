package de.ticketwerk.projections;

import java.util.List;

/** One page of a read model's list; {@code totalItems} counts all pages. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    /** The last page number a list may be asked for. */
    public static final int MAX_PAGE = 100_000;
}
