package dev.evidentry.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.plugin.LoadedPlugins;
import dev.evidentry.core.testsupport.TestScans;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {

    @TempDir
    Path temp;

    @Test
    void aPluginThatFailedToLoadIsReportedAndGivesExitCodeThree() throws Exception {
        LoadedPlugins found = TestScans.classpathPlugins();
        CollectionIssue broken = new CollectionIssue("evidentry", "", "", null, "plugin:plugins/broken", Set.of(),
                IssueCause.PLUGIN_FAILURE, "a Provider could not be loaded: Provider com.example.Gone not found");
        LoadedPlugins withProblem = new LoadedPlugins(found.providers(), found.checkPacks(), List.of(broken));

        ScanResult result = new Scanner(withProblem, TestScans.TOOL_VERSION, ProgressListener.NONE)
                .scan(TestScans.request(temp.resolve("out"), Map.of()));

        assertThat(result.totals().count(Outcome.ERROR)).isZero();
        assertThat(result.exitCode()).isEqualTo(ExitCode.ERRORS);
        assertThat(result.exitReason()).contains("1 plugin failure(s)");
        assertThat(result.issues()).containsExactly(broken);
        assertThat(Files.readString(temp.resolve("out/issues.jsonl"))).contains("com.example.Gone");
    }

    @Test
    void withoutAnyProviderThereIsNothingToScan() {
        LoadedPlugins found = TestScans.classpathPlugins();
        LoadedPlugins checksOnly = new LoadedPlugins(List.of(), found.checkPacks(), List.of());

        assertThatThrownBy(() -> new Scanner(checksOnly, TestScans.TOOL_VERSION, ProgressListener.NONE)
                .scan(TestScans.request(temp.resolve("out"), Map.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("no provider plugin was found");
    }

    @Test
    void theResultCountsWhatTheBundleHolds() throws Exception {
        ScanResult result = TestScans.scan(TestScans.request(temp.resolve("out"),
                Map.of("mfa", "none", "encryption", "none", "issue", "denied")));

        assertThat(result.totals().failures(Severity.HIGH)).isEqualTo(1);
        assertThat(result.totals().failures(Severity.LOW)).isEqualTo(1);
        assertThat(result.totals().failuresAtLeast(Severity.MEDIUM)).isEqualTo(1);
        assertThat(result.totals().failuresAtLeast(Severity.LOW)).isEqualTo(2);
        assertThat(result.totals().worst()).extracting(record -> record.resource().name() + " " + record.outcome())
                .as("failures first, the most severe first, then errors")
                .containsExactly("alice FAIL", "bucket-a FAIL", "bucket-b ERROR");
        assertThat(Files.readAllLines(temp.resolve("out/findings.jsonl"))).hasSize((int) result.totals().total());
        assertThat(result.configurationProblems()).isEmpty();
        assertThat(result.signed()).isFalse();
    }

    @Test
    void aRequestOutsideTheConcurrencyBoundsIsRefused() {
        assertThatThrownBy(() -> new ScanRequest(List.of(), Map.of(), CheckSelection.ALL, Severity.LOW, true,
                temp, null, null, 0, TestScans.CLOCK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanRequest(List.of(), Map.of(), CheckSelection.ALL, Severity.LOW, true,
                temp, null, null, 257, TestScans.CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
