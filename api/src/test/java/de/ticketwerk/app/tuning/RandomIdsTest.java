package de.ticketwerk.app.tuning;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsTest {

    @Test
    void axonTakesItsMessageIdentifiersFromRandomIds() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIds.class);
    }

    @Test
    void idsAreDistinctRandomVersion4UuidsOnEveryThread() {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> ids.add(RandomIds.next()));

        assertThat(ids).hasSize(20_000).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
    }
}
