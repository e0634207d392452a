package de.ticketwerk.app.tuning;

import de.ticketwerk.app.support.ApiTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorWakingEventSourceTest extends ApiTest {

    @Autowired
    private ProcessorWakingEventSource source;

    @Test
    void aProcessorsStreamIsWokenByANewEventWhichItCanThenRead() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            CountDownLatch woken = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            UUID ticket = openTicket(registerCustomer(), "Wake up");

            assertThat(woken.await(5, TimeUnit.SECONDS)).as("the callback ran").isTrue();
            boolean found = false;
            while (!found && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                found = event.getPayloadType().getSimpleName().equals("TicketOpened")
                        && event.getPayload().toString().contains(ticket.toString());
            }
            assertThat(found).as("the TicketOpened is in the stream").isTrue();
        }
    }
}
