package de.ticketwerk.app.customer;

import de.ticketwerk.app.web.SingleLine;
import de.ticketwerk.calendar.FederalState;
import de.ticketwerk.customer.api.Address;
import de.ticketwerk.customer.api.CustomerDetails;
import de.ticketwerk.customer.api.NotificationKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** A customer's master data, for registering and for replacing it. Unknown fields are rejected. */
record CustomerRequest(@NotBlank @Size(max = 200) @SingleLine String name,
                       @Valid AddressRequest address,
                       @NotNull FederalState federalState,
                       @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2,13}",
                               message = "must be a VAT id such as DE123456789") String vatId,
                       @Pattern(regexp = "[0-9]{5,9}",
                               message = "must be a DATEV debtor number of 5 to 9 digits") String debtorNumber,
                       @Size(max = 20) List<@NotBlank @Email @Size(max = 254) @SingleLine String> reportEmails,
                       Map<@NotNull NotificationKind, @NotNull @Size(max = 20)
                               List<@NotBlank @Email @Size(max = 254) @SingleLine String>> notifications) {

    record AddressRequest(@Size(max = 200) @SingleLine String street,
                          @Size(max = 10) @SingleLine String postalCode,
                          @Size(max = 100) @SingleLine String city,
                          @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as DE")
                          String country) {
    }

    CustomerDetails details() {
        Address postal = address == null ? null : new Address(address.street(), address.postalCode(), address.city(),
                address.country() == null ? "DE" : address.country());
        return new CustomerDetails(name.trim(), postal, federalState, vatId, debtorNumber, reportEmails,
                notifications);
    }
}
