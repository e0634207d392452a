package de.ticketwerk.app.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one JSON format of everything stored: events, snapshots and tokens. It is deliberately independent of the
 * web layer's JSON settings, so that what auditors read in the event table never changes with them.
 */
public final class EventSerialization {

    private EventSerialization() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // An upcaster reads the payload as a tree; amounts must keep their scale there (149.00, not 149.0).
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .addMixIn(AggregateScopeDescriptor.class, ReadByGetters.class)
                .build();
    }

    /**
     * A deadline's scope (R-S2: the ticket whose deadline it is) knows its aggregate's id only through its getter
     * when the deadline is set in the command that creates the aggregate.
     */
    @JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.PUBLIC_ONLY)
    private abstract static class ReadByGetters {
    }

    /** Events and snapshots under their {@link StoredNames}, everything else (Axon's tokens) under its class name. */
    public static JacksonSerializer serializer() {
        return new NamedTypesSerializer(JacksonSerializer.builder().objectMapper(objectMapper()).lenientDeserialization());
    }
}
