package de.ticketwerk.app.web;

/**
 * Who acts: the {@code X-Actor} header until authentication arrives. Every event records it.
 */
public final class Actor {

    public static final String HEADER = "X-Actor";
    public static final String ANONYMOUS = "anonymous";

    private Actor() {
    }

    public static String of(String header) {
        if (header == null || header.isBlank()) {
            return ANONYMOUS;
        }
        String actor = header.trim();
        if (actor.length() > 100) {
            throw new BadRequest(HEADER, HEADER + " must be at most 100 characters");
        }
        if (!Text.isAllowed(actor, false)) {
            throw new BadRequest(HEADER, HEADER + " must not contain control characters");
        }
        return actor;
    }
}
