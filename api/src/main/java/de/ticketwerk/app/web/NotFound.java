package de.ticketwerk.app.web;

public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
