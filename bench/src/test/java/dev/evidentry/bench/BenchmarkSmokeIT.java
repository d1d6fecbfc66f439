package dev.evidentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark end to end at N=10 (moto, seeding, rate, the distribution's scan in its own JVM, the report), so the
 * build notices when it breaks. No timing is asserted: a shared CI runner is no place for one.
 */
class BenchmarkSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSmallRunScansToACompleteBundleAndReportsTheCallsAgainstTheMinimum() throws Exception {
        Path out = Path.of("target", "bench-smoke").toAbsolutePath();
        deleteRecursively(out);

        Report report = Benchmark.run(BenchOptions.parse("--n", "10", "--smoke", "--out", out.toString()));

        assertThat(out.resolve("report.md")).isRegularFile();
        assertThat(out.resolve("report.json")).isRegularFile();
        assertThat(out.resolve("manifest.json")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Targets", "API calls by operation");
        JsonNode json = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(json.path("scan").path("exitCode").asInt()).as("scan exit code").isIn(0, 1, 3);
        assertThat(json.path("scan").path("bundleComplete").asBoolean()).as("bundle complete").isTrue();
        assertThat(json.path("scan").path("outOfMemoryError").asBoolean()).isFalse();
        assertThat(json.path("apiCalls").path("total").asLong()).isPositive();
        assertThat(json.path("apiCalls").path("minimum").asLong()).isPositive();
        assertThat(json.path("apiCalls").path("ratio").asDouble()).as("calls / minimum").isGreaterThan(0);
        assertThat(json.path("motoMaxRate").path("requestsPerSecond").asDouble()).isGreaterThan(0);
        assertThat(json.path("targets")).hasSize(3);
        assertThat(report.completed()).isTrue();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
