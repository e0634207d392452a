package de.ticketwerk.customer.api;

public record Address(String street, String postalCode, String city, String country) {
}
