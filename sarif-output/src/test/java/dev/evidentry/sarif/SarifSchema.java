package dev.evidentry.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 schema (draft-04) from {@code shared/schemas}, which sits beside the repository here and
 * in CI, checked with networknt's json-schema-validator 2.0 with format assertions on ({@code uri},
 * {@code uri-reference}, {@code date-time}).
 */
final class SarifSchema {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schema;

    private SarifSchema() {}

    /** The module's directory: Maven's {@code basedir}, else the working directory (surefire runs in it). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path schemaFile() {
        return moduleDir().resolve("../../shared/schemas/sarif-2.1.0.json").normalize();
    }

    static synchronized Schema schema() {
        if (schema == null) {
            Path file = schemaFile();
            if (!Files.isRegularFile(file)) {
                fail("The SARIF 2.1.0 schema is missing: expected " + file + " (../../shared/schemas/sarif-2.1.0.json"
                        + " from the module directory; the repository must sit beside shared/, as it does in CI)");
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_4, builder -> builder.schemaRegistryConfig(config));
            schema = registry.getSchema(read(file));
        }
        return schema;
    }

    static List<Error> validate(String sarif) {
        return schema().validate(parse(sarif));
    }

    static void assertValid(String sarif) {
        assertThat(validate(sarif)).as("SARIF schema violations").isEmpty();
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
