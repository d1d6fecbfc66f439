package dev.evidentry.checks.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.CheckPack;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import dev.evidentry.spi.fact.aws.AwsS3Bucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CheckCatalogueTest {

    /** The committed catalogue, relative to this module's base directory. */
    private static final Path CATALOGUE =
            Path.of(System.getProperty("basedir", ".")).resolve("../docs/checks.md").normalize();

    @Test
    void docsChecksMdIsCurrent() throws IOException {
        String rendered = CheckCatalogue.render(CheckCatalogue.loadPacks());
        if (Boolean.parseBoolean(System.getProperty("evidentry.regenerateGolden"))) {
            Files.createDirectories(CATALOGUE.getParent());
            Files.writeString(CATALOGUE, rendered, StandardCharsets.UTF_8);
        }
        String stale = CATALOGUE + " is stale or missing. Regenerate it with `" + CheckCatalogue.REGENERATE
                + "` (from the repository root) and commit it.";
        assertThat(CATALOGUE).as(stale).exists();
        assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8).replace("\r\n", "\n")).as(stale).isEqualTo(rendered);
    }

    @Test
    void rendersPacksThenChecksSortedByIdWithEveryField() {
        CheckPack beta = pack("beta", check("beta.z-rule", "Zed holds", AwsS3Bucket.KIND),
                check("beta.a-rule", "Ay holds", AwsRootAccount.KIND, AwsS3Bucket.KIND));
        CheckPack alpha = pack("alpha", check("alpha.only", "Only holds", AwsRootAccount.KIND));

        String markdown = CheckCatalogue.render(List.of(beta, alpha));

        assertThat(markdown)
                .contains("3 checks in 2 packs.")
                .contains("| alpha | [`alpha.only`](#alphaonly) | Only holds | LOW | CC6.1, A1.2 |")
                .containsSubsequence("## Pack `alpha`", "### `alpha.only`", "## Pack `beta`", "### `beta.a-rule`",
                        "### `beta.z-rule`")
                .contains("**Ay holds**\n\n- Severity: LOW\n- SOC 2 criteria: CC6.1, A1.2\n"
                        + "- Required facts: `aws.iam.root-account`, `aws.s3.bucket`\n\n"
                        + "#### Risk\n\nWhy it matters.\n\n#### Remediation\n\nWhat to do.\n")
                .endsWith("What to do.\n")
                .doesNotContain("\r", " \n");
    }

    private static CheckPack pack(String id, Check... checks) {
        return new CheckPack() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Check> checks() {
                return List.of(checks);
            }
        };
    }

    private static Check check(String id, String title, String... kinds) {
        CheckDescriptor descriptor = new CheckDescriptor(id, title, Severity.LOW, Set.of(kinds), List.of("CC6.1", "A1.2"),
                new CheckHelp("Why it matters.", "What to do."));
        return new Check() {
            @Override
            public CheckDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Stream<Finding> evaluate(Facts facts) {
                return Stream.empty();
            }
        };
    }
}
