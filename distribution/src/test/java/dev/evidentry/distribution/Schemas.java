package dev.evidentry.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The published schemas: SARIF 2.1.0 from shared/, and the evidence bundle's own from docs/schemas/. */
final class Schemas {

    private static final Map<Path, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static void assertValidSarif(JsonNode sarif) {
        Path file = moduleDir().resolve("../../shared/schemas/sarif-2.1.0.json").normalize();
        assertThat(file).as("the SARIF schema beside the repository (../shared/schemas)").isRegularFile();
        assertThat(schema(file, SpecificationVersion.DRAFT_4).validate(sarif)).as("SARIF schema violations").isEmpty();
    }

    /** Validates against {@code docs/schemas/<name>.schema.json}. */
    static void assertValid(String name, JsonNode document) {
        Path file = moduleDir().resolve("../docs/schemas/" + name + ".schema.json").normalize();
        assertThat(file).as("the bundle schema " + name).isRegularFile();
        assertThat(schema(file, SpecificationVersion.DRAFT_7).validate(document))
                .as(name + " schema violations in " + document).isEmpty();
    }

    private static Schema schema(Path file, SpecificationVersion version) {
        return LOADED.computeIfAbsent(file, path -> {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version,
                    builder -> builder.schemaRegistryConfig(config));
            try {
                return registry.getSchema(Distribution.JSON.readTree(Files.readString(path)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        });
    }
}
