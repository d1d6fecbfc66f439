package dev.evidentry.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OASIS SARIF 2.1.0 schema (draft-04) from {@code shared/schemas}, checked with networknt's json-schema-validator
 * with format assertions on, as the sarif-output module's tests do.
 */
public final class SarifSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema schema;

    private SarifSchema() {
    }

    /** The module's directory: Maven's {@code basedir}, else the working directory (surefire runs in it). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path schemaFile() {
        return moduleDir().resolve("../../../shared/schemas/sarif-2.1.0.json").normalize();
    }

    private static synchronized Schema schema() {
        if (schema == null) {
            Path file = schemaFile();
            if (!Files.isRegularFile(file)) {
                fail("The SARIF 2.1.0 schema is missing: expected " + file + " (../../../shared/schemas/"
                        + "sarif-2.1.0.json from the module directory; the repository must sit beside shared/)");
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_4, builder -> builder.schemaRegistryConfig(config));
            schema = registry.getSchema(read(file));
        }
        return schema;
    }

    public static void assertValid(Path sarif) {
        assertThat(schema().validate(read(sarif))).as("SARIF schema violations in %s", sarif.getFileName()).isEmpty();
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
