package de.ticketwerk.app.web;

/** Input that is well-formed JSON but says something the API cannot take. */
public class BadRequest extends RuntimeException {

    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
