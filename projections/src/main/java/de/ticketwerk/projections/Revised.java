package de.ticketwerk.projections;

/** A read model's view of an aggregate and the aggregate's revision it shows: its ETag (see rules.Revision). */
public record Revised<T>(T view, long revision) {
}
