package de.ticketwerk.app.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** After how many events each aggregate is snapshotted (in the background; between commands it stays cached). */
@ConfigurationProperties("ticketwerk.snapshots")
@Validated
record SnapshotProperties(@Positive int ticketAfterEvents, @Positive int customerAfterEvents,
                          @Positive int contractAfterEvents, @Positive int quotaAfterEvents,
                          @Positive int invoiceAfterEvents, @Positive int numberSeriesAfterEvents) {
}
