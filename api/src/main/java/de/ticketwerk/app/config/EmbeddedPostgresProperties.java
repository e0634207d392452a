package de.ticketwerk.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir kept across restarts
 * @param port    0 picks a free port
 * @param durable fsync and synchronous_commit on; only tests turn this off
 */
@ConfigurationProperties("ticketwerk.embedded-postgres")
public record EmbeddedPostgresProperties(@DefaultValue("./data") Path dataDir,
                                         @DefaultValue("0") int port,
                                         @DefaultValue("true") boolean durable) {
}
