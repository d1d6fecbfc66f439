package dev.evidentry.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.demo.DemoEstate;
import dev.evidentry.demo.DemoScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo scan's outputs against golden files. Only what legitimately changes between runs is normalised: times,
 * the run id, the tool version, and content hashes (the estate's dates move with the calendar, and with them the raw
 * answers' hashes). Regenerate with {@code -Devidentry.regenerateGolden=true}.
 */
class DemoGoldenIT {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern SHA256 = Pattern.compile("\\b[0-9a-f]{64}\\b");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern BYTES = Pattern.compile("\"bytes\" : \\d+");
    private static final Pattern DURATION = Pattern.compile("\"PT[0-9.]+S\"");

    @TempDir
    static Path workspace;

    private static DemoEstate estate;
    private static Path bundle;

    @BeforeAll
    static void scan() {
        estate = DemoEstate.start();
        System.setProperty("aws.accessKeyId", DemoEstate.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DemoEstate.SECRET_ACCESS_KEY);
        System.setProperty("aws.region", "us-east-1");
        bundle = workspace.resolve("bundle");
        Distribution.run(DemoScan.arguments(estate, "--output", bundle.toString(), "--no-progress"));
    }

    @AfterAll
    static void stop() {
        estate.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"findings.jsonl", "issues.jsonl", "controls.json", "sarif/aws-111122223333.sarif",
        "sarif/github-acme-corp.sarif", "sarif/okta-localhost.sarif", "sarif/endpoint-fleet.sarif",
        "sarif/endpoint-osquery.sarif", "manifest.json"})
    void matchesTheGoldenFile(String name) throws IOException {
        String actual = normalise(Files.readString(bundle.resolve(name), StandardCharsets.UTF_8));
        Path golden = Schemas.moduleDir().resolve("src/test/resources/golden/demo/" + name);
        if (Boolean.getBoolean("evidentry.regenerateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Devidentry.regenerateGolden=true").isRegularFile();
        assertThat(actual).as("%s differs from %s; if the change is intended, regenerate with "
                + "-Devidentry.regenerateGolden=true and review the diff", name, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static String normalise(String text) {
        String result = TIME.matcher(text).replaceAll("<time>");
        result = SHA256.matcher(result).replaceAll("<sha256>");
        result = UUID.matcher(result).replaceAll("<uuid>");
        result = BYTES.matcher(result).replaceAll("\"bytes\" : <bytes>");
        result = DURATION.matcher(result).replaceAll("\"<duration>\"");
        return result.replace(dev.evidentry.core.Version.get(), "<version>");
    }
}
