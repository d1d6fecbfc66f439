package dev.evidentry.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.evidentry.core.testsupport.SarifSchema;
import dev.evidentry.core.testsupport.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON file of a bundle against the documented bundle schemas in {@code docs/schemas} (draft-07). */
class BundleSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static Schema schema(String name) throws IOException {
        Path file = SarifSchema.moduleDir().resolve("../../docs/schemas").resolve(name).normalize();
        assertThat(file).as("documented bundle schema").isRegularFile();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(config)).getSchema(JSON.readTree(file.toFile()));
    }

    private static void assertValid(Schema schema, JsonNode node, String what) {
        assertThat(schema.validate(node)).as("%s against the documented schema", what).isEmpty();
    }

    @Test
    void aSignedBundleWithFailuresErrorsAndIssuesMatchesTheDocumentedSchemas() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path key = temp.resolve("key.pem");
        Ed25519Keys.write(key, "PRIVATE KEY", pair.getPrivate().getEncoded());
        Path bundle = temp.resolve("bundle");
        TestScans.scan(TestScans.withSigningKey(TestScans.request(bundle,
                Map.of("mfa", "none", "encryption", "none", "issue", "denied")), key));

        assertValid(schema("manifest.schema.json"), JSON.readTree(bundle.resolve("manifest.json").toFile()),
                "manifest.json");
        assertValid(schema("controls.schema.json"), JSON.readTree(bundle.resolve("controls.json").toFile()),
                "controls.json");
        assertLinesValid(schema("finding.schema.json"), bundle.resolve("findings.jsonl"), 8);
        assertLinesValid(schema("resource.schema.json"), bundle.resolve("resources.jsonl"), 4);
        assertLinesValid(schema("issue.schema.json"), bundle.resolve("issues.jsonl"), 1);
        Schema evidence = schema("evidence.schema.json");
        List<String> evidenceFiles = TestScans.files(bundle).stream().filter(file -> file.startsWith("evidence/"))
                .toList();
        assertThat(evidenceFiles).hasSize(3);
        for (String file : evidenceFiles) {
            assertValid(evidence, JSON.readTree(bundle.resolve(file).toFile()), file);
        }
    }

    @Test
    void aCrashedProviderAndItsScopeErrorsMatchTheDocumentedSchemas() throws Exception {
        Path bundle = temp.resolve("bundle");
        TestScans.scan(TestScans.request(bundle, Map.of("crash", "true")));

        assertLinesValid(schema("finding.schema.json"), bundle.resolve("findings.jsonl"), 9);
        assertLinesValid(schema("issue.schema.json"), bundle.resolve("issues.jsonl"), 1);
        assertValid(schema("manifest.schema.json"), JSON.readTree(bundle.resolve("manifest.json").toFile()),
                "manifest.json");
    }

    @Test
    void theSchemasAreNotVacuous() throws Exception {
        Path bundle = temp.resolve("bundle");
        TestScans.scan(TestScans.request(bundle, Map.of()));
        String line = Files.readAllLines(bundle.resolve("findings.jsonl")).get(0);

        assertThat(schema("finding.schema.json").validate(JSON.readTree(line.replace("\"PASS\"", "\"MAYBE\""))))
                .isNotEmpty();
    }

    private static void assertLinesValid(Schema schema, Path file, int expectedLines) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).as(file.getFileName().toString()).hasSize(expectedLines);
        for (int i = 0; i < lines.size(); i++) {
            assertValid(schema, JSON.readTree(lines.get(i)), file.getFileName() + " line " + (i + 1));
        }
    }
}
