package de.ticketwerk.contract.api;

public enum Party {
    CUSTOMER, PROVIDER
}
