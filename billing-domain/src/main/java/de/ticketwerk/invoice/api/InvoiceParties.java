package de.ticketwerk.invoice.api;

import de.ticketwerk.customer.api.Address;

/**
 * R-I7 (§ 14 UStG): who invoices whom, as they were when the invoice was issued, and where to pay. The seller names
 * a VAT id or a tax number; the buyer's VAT id is there if the customer has one.
 */
public record InvoiceParties(Party seller, Party buyer, BankAccount payTo) {

    public record Party(String name, Address address, String vatId, String taxNumber, String email, String phone,
                        String debtorNumber) {
    }

    public record BankAccount(String iban, String bic, String bank) {
    }
}
