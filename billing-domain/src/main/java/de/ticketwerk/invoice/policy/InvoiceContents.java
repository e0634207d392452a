package de.ticketwerk.invoice.policy;

import de.ticketwerk.customer.api.Address;
import de.ticketwerk.invoice.api.InvoiceParties;

import java.util.ArrayList;
import java.util.List;

/** R-I7: what an invoice must name (§ 14 UStG) before it is issued. */
public final class InvoiceContents {

    private InvoiceContents() {
    }

    /** The fields of the customer's postal address that are missing: street, postalCode, city, country. */
    public static List<String> missingBuyerAddress(InvoiceParties parties) {
        Address address = parties.buyer().address();
        List<String> missing = new ArrayList<>();
        if (address == null || isBlank(address.street())) {
            missing.add("street");
        }
        if (address == null || isBlank(address.postalCode())) {
            missing.add("postalCode");
        }
        if (address == null || isBlank(address.city())) {
            missing.add("city");
        }
        if (address == null || isBlank(address.country())) {
            missing.add("country");
        }
        return missing;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
