package dev.evidentry.core.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.evidentry.spi.EvidenceId;
import java.io.IOException;

/** The one way the bundle writes JSON: stable key order, ISO-8601 times, evidence ids as plain strings. */
public final class Json {

    private Json() {
    }

    /** For single-line records ({@code *.jsonl}). */
    public static final ObjectMapper LINES = configure(new ObjectMapper());

    /** For whole documents, indented for people. */
    public static final ObjectMapper PRETTY = configure(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule evidentry = new SimpleModule("evidentry");
        evidentry.addSerializer(EvidenceId.class, new JsonSerializer<>() {
            @Override
            public void serialize(EvidenceId id, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(id.sha256());
            }
        });
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(evidentry)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
