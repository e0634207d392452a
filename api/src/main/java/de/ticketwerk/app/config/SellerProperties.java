package de.ticketwerk.app.config;

import de.ticketwerk.customer.api.Address;
import de.ticketwerk.invoice.api.InvoiceParties.BankAccount;
import de.ticketwerk.invoice.api.InvoiceParties.Party;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R-I7 (§ 14 UStG): the MSP's own name, address, VAT id or tax number and bank details, and the e-mail address and
 * telephone number the e-invoices name as the seller's contact (XRechnung requires both); checked at start-up. Every
 * document's letterhead names it.
 */
@ConfigurationProperties("ticketwerk.seller")
@Validated
public record SellerProperties(@NotBlank String name, @NotBlank String street, @NotBlank String postalCode,
                        @NotBlank String city, @Pattern(regexp = "[A-Z]{2}") String country, String vatId,
                        String taxNumber, @NotBlank @Email String email, @NotBlank String phone,
                        @NotBlank String iban, String bic,
                        @NotBlank String bank) {

    public SellerProperties {
        country = country == null ? "DE" : country;
    }

    @AssertTrue(message = "ticketwerk.seller needs a vat-id or a tax-number (R-I7)")
    boolean isVatIdOrTaxNumberGiven() {
        return vatId != null && !vatId.isBlank() || taxNumber != null && !taxNumber.isBlank();
    }

    public Party party() {
        return new Party(name, new Address(street, postalCode, city, country), vatId, taxNumber, email, phone, null);
    }

    public BankAccount account() {
        return new BankAccount(iban, bic, bank);
    }
}
