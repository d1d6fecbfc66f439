package dev.evidentry.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample run against {@code src/test/resources/golden/aws-sample.sarif}. After an intended change to the output,
 * regenerate with {@code mvn -o -pl sarif-output test -Devidentry.regenerateGolden=true} and review the diff.
 */
class SarifGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "aws-sample.sarif");

    @Test
    void matchesTheGoldenFile() throws IOException {
        String actual = SampleRun.write();
        Path golden = SarifSchema.moduleDir().resolve(GOLDEN);
        if (Boolean.getBoolean("evidentry.regenerateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (generate it with -Devidentry.regenerateGolden=true)").isRegularFile();
        assertThat(actual)
                .as("SARIF differs from %s; if the change is intended, rerun with -Devidentry.regenerateGolden=true",
                        GOLDEN)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void goldenFileIsValidSarif() throws IOException {
        SarifSchema.assertValid(Files.readString(SarifSchema.moduleDir().resolve(GOLDEN), StandardCharsets.UTF_8));
    }
}
