package de.ticketwerk.projections.json;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/** Read-model documents as JSON, written by the same serializer as the events, so they read like the events. */
public final class Documents {

    private final Serializer serializer;

    public Documents(Serializer serializer) {
        this.serializer = serializer;
    }

    public String toJson(Object document) {
        return serializer.serialize(document, String.class).getData();
    }

    public <T> T fromJson(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }
}
