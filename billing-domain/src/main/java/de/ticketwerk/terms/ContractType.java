package de.ticketwerk.terms;

/** R-C1 time and materials, R-C2 prepaid hour quota ("Kontingent"), R-C3 fixed fee with a service level. */
public enum ContractType {
    HOURLY, QUOTA, SERVICE
}
