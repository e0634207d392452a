package de.ticketwerk.app.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/** Axon's Jackson serializer, with the types of {@link StoredNames} stored under their names instead of class names. */
final class NamedTypesSerializer extends JacksonSerializer {

    NamedTypesSerializer(JacksonSerializer.Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return StoredNames.typeOf(type).orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return StoredNames.classOf(serializedType.getName()).map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
