package de.ticketwerk.projections.json;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/** The JSON of read-model rows (views), written by the same serializer as the events, so they read like the events. */
public final class ViewJson {

    private final Serializer serializer;

    public ViewJson(Serializer serializer) {
        this.serializer = serializer;
    }

    public String toJson(Object document) {
        return serializer.serialize(document, String.class).getData();
    }

    public <T> T fromJson(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }
}
