package com.leadline.platform.internal;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * {@link StorableText} for JSON bodies, where an escaped {@code \u0000} or a lone {@code \ud800} arrives
 * already decoded: every string the API's JsonMapper reads (a field, a list element, a map's keys and
 * values) is checked, and a failure names the field's path, which {@link ApiErrors} answers with 400.
 */
@Configuration(proxyBeanMethods = false)
class StorableTextJson {

    /** Spring Boot adds every JacksonModule bean to the JsonMapper that Spring MVC reads request bodies with. */
    @Bean
    JacksonModule storableStrings() {
        return new SimpleModule("storable-strings").addDeserializer(String.class, new StorableStrings())
                .addKeyDeserializer(String.class, new StorableKeys());
    }

    /** The path of the field whose text cannot be stored, e.g. {@code body} or {@code notes[2]}, if that is why reading failed. */
    static Optional<String> unstorableField(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnstorableTextException unstorable) {
                return Optional.of(pathOf(unstorable));
            }
        }
        return Optional.empty();
    }

    private static String pathOf(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(StorableText.shown(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static final class StorableStrings extends StdScalarDeserializer<String> {

        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !StorableText.isStorable(text)) {
                throw new UnstorableTextException(parser);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    /** A map's keys are read apart from its values; a refused key is named like a value under it would be. */
    private static final class StorableKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (!StorableText.isStorable(key)) {
                UnstorableTextException failure = new UnstorableTextException(context.getParser());
                failure.prependPath(null, key);
                throw failure;
            }
            return key;
        }
    }

    private static final class UnstorableTextException extends MismatchedInputException {
        UnstorableTextException(JsonParser parser) {
            super(parser, StorableText.REFUSAL, String.class);
        }
    }
}
