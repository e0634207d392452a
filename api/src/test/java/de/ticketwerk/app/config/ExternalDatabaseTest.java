package de.ticketwerk.app.config;

import de.ticketwerk.app.TicketwerkApplication;
import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set, the application uses that server and starts no PostgreSQL of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path serverDir;

    @TempDir
    Path unusedDataDir;

    @Test
    void aConfiguredDatasourceIsUsedInsteadOfTheEmbeddedServer() throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(serverDir, 0, false)) {
            new JdbcTemplate(new DriverManagerDataSource(external.jdbcUrl(), "postgres", external.superuserPassword()))
                    .execute("CREATE DATABASE ticketwerk_external");
            String url = external.jdbcUrl().replace("/postgres", "/ticketwerk_external");

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TicketwerkApplication.class)
                    .run("--server.port=0", "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=" + external.superuserPassword(),
                            "--ticketwerk.embedded-postgres.data-dir=" + unusedDataDir)) {
                assertThat(app.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
                Http http = Http.of(app);
                Http.Response opened = http.post("/api/v1/tickets", """
                        {"customerId": "%s", "channel": "PORTAL", "kind": "SERVICE_REQUEST",
                         "serviceItem": "USER_ADMIN", "title": "New employee", "reporter": "HR"}"""
                        .formatted(ApiTest.registerCustomer(http, "Kanzlei Extern", "BY")));
                assertThat(opened.status()).isEqualTo(201);
            }

            JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(url, "postgres",
                    external.superuserPassword()));
            assertThat(direct.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .as("the customer, the ticket and its number").isEqualTo(3);
            assertThat(unusedDataDir).isEmptyDirectory();
        }
    }
}
