package de.ticketwerk.app.invoice;

import de.ticketwerk.app.TicketwerkApplication;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-I7: without the MSP's own details on its invoices, the application does not start, and says what is missing. */
class SellerConfigurationTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --ticketwerk.seller.name=                              | ticketwerk.seller.name
            --ticketwerk.seller.iban=                              | ticketwerk.seller.iban
            --ticketwerk.seller.vat-id=                            | vat-id or a tax-number
            --ticketwerk.seller.country=Germany                    | ticketwerk.seller.country""")
    void aMissingOrWrongSellerDetailStopsTheStart(String setting, String named) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TicketwerkApplication.class).run("--server.port=0",
                "--ticketwerk.embedded-postgres.data-dir=" + dataDir, "--ticketwerk.embedded-postgres.durable=false",
                setting).close())
                .rootCause().hasMessageContaining(named);
    }
}
