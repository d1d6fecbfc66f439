package dev.evidentry.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.core.testsupport.SarifSchema;
import dev.evidentry.core.testsupport.TestScans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bundle of a small fixed scan (both test providers; alice without MFA, bucket-b's encryption denied)
 * against {@code src/test/resources/golden/bundle/}, file by file.
 *
 * <p>The clock is fixed and the tool version is the one the test gives the scanner, so the only volatile part is the
 * run id, which is normalised. After an intended change to the output, regenerate with
 * {@code mvn -o -pl scanner-core/engine test -Dtest=BundleGoldenTest -Devidentry.regenerateGolden=true} and review
 * the diff.
 */
class BundleGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "bundle");
    private static final String RUN_ID = "\"runId\" : \"[0-9a-f-]{36}\"";

    @TempDir
    Path temp;

    @Test
    void matchesTheGoldenBundle() throws Exception {
        Path bundle = temp.resolve("bundle");
        TestScans.scan(TestScans.request(bundle, Map.of("mfa", "none", "issue", "denied")));
        Map<String, String> actual = read(bundle);
        assertThat(actual.get("manifest.json")).containsPattern(RUN_ID);
        actual.put("manifest.json", actual.get("manifest.json").replaceAll(RUN_ID, "\"runId\" : \"<run-id>\""));

        Path golden = SarifSchema.moduleDir().resolve(GOLDEN);
        if (Boolean.getBoolean("evidentry.regenerateGolden")) {
            write(golden, actual);
        }

        assertThat(golden).as("golden bundle (generate it with -Devidentry.regenerateGolden=true)").isDirectory();
        Map<String, String> expected = read(golden);
        assertThat(actual.keySet()).as("files of the bundle").containsExactlyElementsOf(expected.keySet());
        actual.forEach((file, content) -> assertThat(content)
                .as("%s differs from %s; if the change is intended, rerun with -Devidentry.regenerateGolden=true",
                        file, GOLDEN.resolve(file))
                .isEqualTo(expected.get(file)));
    }

    @Test
    void theGoldenBundleIsConsistentInItself() throws IOException {
        Path golden = SarifSchema.moduleDir().resolve(GOLDEN);
        JsonNode manifest = new ObjectMapper().readTree(golden.resolve("manifest.json").toFile());

        assertThat(manifest.path("files")).isNotEmpty();
        for (JsonNode file : manifest.path("files")) {
            Path path = golden.resolve(file.path("path").asText());
            assertThat(Sha256.ofFile(path)).as(file.path("path").asText()).isEqualTo(file.path("sha256").asText());
        }
        try (Stream<Path> sarif = Files.list(golden.resolve("sarif"))) {
            sarif.forEach(SarifSchema::assertValid);
        }
    }

    private static Map<String, String> read(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String file : TestScans.files(directory)) {
            files.put(file, Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
        }
        return files;
    }

    private static void write(Path golden, Map<String, String> files) throws IOException {
        if (Files.exists(golden)) {
            try (Stream<Path> walk = Files.walk(golden)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = golden.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
