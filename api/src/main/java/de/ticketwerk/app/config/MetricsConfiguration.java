package de.ticketwerk.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/** Axon's metrics in Micrometer. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    private static final Function<Message<?>, Iterable<Tag>> PAYLOAD_TYPE =
            message -> Tags.of("payloadType", message.getPayloadType().getSimpleName());

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    /**
     * Axon's metrics with payload types for the command bus and the event store. Event processors are measured
     * without per-message dimensions: seven processors see every event, and looking up tagged meters for each of
     * them cost more CPU than handling the events. The command bus counts and times its commands but has no
     * capacity gauge: Axon's keeps every command's duration of the last ten minutes in a skip list, about 60 MB of
     * heap at this load.
     */
    @Bean
    ConfigurerModule axonMetrics(GlobalMetricRegistry metrics) {
        return configurer -> configurer.configureMessageMonitor(c -> (componentType, componentName) -> {
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                return NoOpMessageMonitor.INSTANCE;
            }
            if (CommandBus.class.isAssignableFrom(componentType)) {
                return new MultiMessageMonitor<>(
                        MessageCountingMonitor.buildMonitor(componentName, metrics.getRegistry(), PAYLOAD_TYPE),
                        MessageTimerMonitor.buildMonitor(componentName, metrics.getRegistry(), PAYLOAD_TYPE));
            }
            if (EventBus.class.isAssignableFrom(componentType)) {
                return anyMessage(metrics.registerEventBus(componentName, PAYLOAD_TYPE));
            }
            return NoOpMessageMonitor.INSTANCE;
        });
    }

    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> anyMessage(MessageMonitor<?> monitor) {
        return (MessageMonitor<Message<?>>) monitor;
    }
}
