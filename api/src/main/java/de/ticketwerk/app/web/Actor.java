package de.ticketwerk.app.web;

/**
 * Who acts: the {@code X-Actor} header until authentication arrives. Every event records it. A controller takes it
 * as a parameter of this type ({@link ActorArgumentResolver}).
 */
public record Actor(String name) {

    public static final String HEADER = "X-Actor";
    public static final String ANONYMOUS = "anonymous";

    public static Actor of(String header) {
        if (header == null || header.isBlank()) {
            return new Actor(ANONYMOUS);
        }
        String actor = header.trim();
        if (actor.length() > 100) {
            throw new BadRequest(HEADER, HEADER + " must be at most 100 characters");
        }
        if (!Text.isAllowed(actor, false)) {
            throw new BadRequest(HEADER, HEADER + " must not contain control characters");
        }
        return new Actor(actor);
    }
}
