package de.ticketwerk.app.customer;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerApiTest extends ApiTest {

    @Test
    void aCustomerIsRegisteredReadUpdatedAndListed() {
        UUID customer = registerCustomer("Steuerkanzlei Adler & Partner", "BY");

        JsonNode registered = awaitCustomer(customer, c -> true).get("details");
        assertThat(registered.get("name").asString()).isEqualTo("Steuerkanzlei Adler & Partner");
        assertThat(registered.get("federalState").asString()).isEqualTo("BY");
        assertThat(registered.get("vatId").asString()).isEqualTo("DE123456789");
        assertThat(registered.get("debtorNumber").asString()).isEqualTo("10042");
        assertThat(registered.get("address").get("city").asString()).isEqualTo("Münster");
        assertThat(registered.get("reportEmails").get(0).asString()).isEqualTo("kanzlei@berger.example");

        ok(http.put("/api/v1/customers/" + customer, """
                {"name": "Steuerkanzlei Adler & Partner mbB", "federalState": "SN", "vatId": "DE987654321",
                 "debtorNumber": "10043", "address": {"street": "Prager Str. 2", "postalCode": "01069",
                 "city": "Dresden"}, "reportEmails": ["buero@adler.example", "chefin@adler.example"]}"""));

        JsonNode updated = awaitCustomer(customer, c -> c.get("details").get("federalState").asString().equals("SN"));
        assertThat(updated.get("details").get("name").asString()).isEqualTo("Steuerkanzlei Adler & Partner mbB");
        assertThat(updated.get("details").get("reportEmails")).hasSize(2);
        assertThat(updated.get("registeredAt").asString()).isNotEqualTo(updated.get("updatedAt").asString());

        JsonNode listed = http.get("/api/v1/customers?name=adler").json();
        assertThat(listed.get("items")).anySatisfy(c -> assertThat(c.get("customerId").asString())
                .isEqualTo(customer.toString()));
    }

    @Test
    void aTicketForAnUnregisteredCustomerIsRejectedAndNothingIsStored() {
        long before = eventCount();
        UUID stranger = UUID.randomUUID();

        Http.Response response = http.post("/api/v1/tickets", """
                {"customerId": "%s", "channel": "PHONE", "kind": "INCIDENT", "serviceItem": "HOTLINE",
                 "title": "Hello?", "reporter": "Someone"}""".formatted(stranger));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("customer " + stranger + " is not registered");
        assertThat(eventCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown state    | {\"name\": \"A\", \"federalState\": \"XX\"} | federalState must be one of",
            "no state         | {\"name\": \"A\"} | federalState must not be null",
            "no name          | {\"federalState\": \"NW\"} | name must not be blank",
            "bad VAT id       | {\"name\": \"A\", \"federalState\": \"NW\", \"vatId\": \"123\"} | vatId must be a VAT id such as DE123456789",
            "bad debtor       | {\"name\": \"A\", \"federalState\": \"NW\", \"debtorNumber\": \"D-1\"} | debtorNumber must be a DATEV debtor number of 5 to 9 digits",
            "bad e-mail       | {\"name\": \"A\", \"federalState\": \"NW\", \"reportEmails\": [\"nope\"]} | reportEmails[0]",
            "unknown field    | {\"name\": \"A\", \"federalState\": \"NW\", \"iban\": \"DE00\"} | iban is not a known field",
    })
    void badMasterDataIsABadRequest(String name, String body, String detail) {
        long before = eventCount();

        Http.Response response = http.post("/api/v1/customers", body);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownCustomersAreNotFound() {
        UUID stranger = UUID.randomUUID();
        assertThat(http.get("/api/v1/customers/" + stranger).status()).isEqualTo(404);
        Http.Response update = http.put("/api/v1/customers/" + stranger, "{\"name\": \"A\", \"federalState\": \"NW\"}");
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.json().get("detail").asString()).isEqualTo("no customer " + stranger);
    }
}
