package dev.evidentry.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.core.scan.ExitCode;
import dev.evidentry.core.scan.ScanRequest;
import dev.evidentry.core.scan.ScanResult;
import dev.evidentry.core.scan.UsageException;
import dev.evidentry.core.testplugin.EncryptionCheck;
import dev.evidentry.core.testplugin.MfaCheck;
import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.core.testsupport.SarifSchema;
import dev.evidentry.core.testsupport.TestScans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence bundle a scan of the test plugins writes, read back as an auditor's tool would. */
class BundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path bundle;
    private ScanResult result;

    @BeforeEach
    void scan() throws Exception {
        bundle = temp.resolve("bundle");
        result = TestScans.scan(TestScans.request(bundle, Map.of("mfa", "none", "issue", "denied")));
    }

    @Test
    void holdsEveryFileOfTheLayout() {
        List<String> files = TestScans.files(bundle);

        assertThat(files).contains(".evidentry-bundle", "manifest.json", "findings.jsonl", "resources.jsonl",
                "issues.jsonl", "controls.json", "report.html", "sarif/alpha-saas-org-1.sarif",
                "sarif/testcloud-111122223333.sarif");
        assertThat(files).filteredOn(file -> file.startsWith("evidence/")).hasSize(3)
                .allSatisfy(file -> assertThat(file).matches("evidence/[0-9a-f]{64}\\.json"));
        assertThat(files).as("nothing else: no temporary or signature files").hasSize(12);
        assertThat(result.bundle()).isEqualTo(bundle.toAbsolutePath());
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURES);
    }

    @Test
    void theReportPageShowsEveryCheckAndWhatCouldNotBeCollected() throws IOException {
        String page = Files.readString(bundle.resolve("report.html"));

        assertThat(page).startsWith("<!doctype html>").endsWith("</html>\n").doesNotContain("<script");
        for (String line : Files.readAllLines(bundle.resolve("findings.jsonl"))) {
            String checkId = line.replaceAll(".*\"checkId\":\"([^\"]+)\".*", "$1");
            assertThat(page).contains("<code>" + checkId + "</code>");
        }
        assertThat(page).contains("Could not collect").contains("ERROR");
    }

    @Test
    void findingsAreOneJsonObjectALineInSortKeyOrder() throws IOException {
        List<String> lines = Files.readAllLines(bundle.resolve("findings.jsonl"), StandardCharsets.UTF_8);
        List<FindingRecord> records = new ArrayList<>();
        for (String line : lines) {
            records.add(Json.LINES.readValue(line, FindingRecord.class));
        }

        assertThat(records).extracting(FindingRecord::sortKey).isSorted();
        assertThat(records).extracting(record -> record.resource().name() + " " + record.checkId() + " "
                + record.outcome()).containsExactly(
                        "dora auxpack.identity.active PASS",
                        "dora testpack.identity.mfa PASS",
                        "alice auxpack.identity.active PASS",
                        "ci-bot auxpack.identity.active PASS",
                        "alice testpack.identity.mfa FAIL",
                        "ci-bot testpack.identity.mfa NOT_APPLICABLE",
                        "bucket-a testpack.storage.encrypted PASS",
                        "bucket-b testpack.storage.encrypted ERROR");
        FindingRecord alice = records.get(4);
        assertThat(alice.severity()).hasToString("HIGH");
        assertThat(alice.criteria()).containsExactly("CC6.1", "CC6.2");
        assertThat(alice.title()).isEqualTo("Interactive identities have MFA");
        assertThat(alice.evidence()).singleElement().satisfies(id ->
                assertThat(bundle.resolve("evidence/" + id + ".json")).isRegularFile());
        assertThat(records.get(7).message()).startsWith("Could not evaluate: storage:GetBucketEncryption access denied");
        assertThat(result.totals().total()).isEqualTo(8);
    }

    @Test
    void theManifestListsEveryOtherFileWithItsSha256() throws IOException {
        JsonNode manifest = JSON.readTree(bundle.resolve("manifest.json").toFile());
        Map<String, String> listed = new HashMap<>();
        for (JsonNode file : manifest.path("files")) {
            String path = file.path("path").asText();
            listed.put(path, file.path("sha256").asText());
            assertThat(file.path("sha256").asText()).as(path).isEqualTo(Sha256.ofFile(bundle.resolve(path)));
            assertThat(file.path("bytes").asLong()).as(path).isEqualTo(Files.size(bundle.resolve(path)));
        }

        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(TestScans.files(bundle).stream()
                .filter(file -> !file.equals("manifest.json") && !file.startsWith(".")).toList());
        assertThat(manifest.path("schemaVersion").asText()).isEqualTo(BundleLayout.SCHEMA_VERSION);
        assertThat(manifest.path("tool").path("version").asText()).isEqualTo(TestScans.TOOL_VERSION);
        assertThat(manifest.path("startedAt").asText()).isEqualTo("2026-02-03T04:05:06Z");
        assertThat(manifest.path("scope").path("providers")).extracting(JsonNode::asText)
                .containsExactly("alpha-saas", "testcloud");
        assertThat(manifest.path("scope").path("accounts")).extracting(JsonNode::asText)
                .containsExactly("alpha-saas:org-1", "testcloud:111122223333");
        assertThat(manifest.path("counts").path("findings").path("FAIL").asInt()).isEqualTo(1);
        assertThat(manifest.path("counts").path("findings").path("ERROR").asInt()).isEqualTo(1);
        assertThat(manifest.path("counts").path("evidence").asInt()).isEqualTo(3);
        assertThat(manifest.path("counts").path("issues").asInt()).isEqualTo(1);
        assertThat(manifest.path("counts").path("resources").asInt()).isEqualTo(4);
        assertThat(manifest.has("signature")).isFalse();
    }

    @Test
    void theSarifFilesAreValidSarif210WithOneRunPerProviderAndAccount() throws IOException {
        for (String name : List.of("alpha-saas-org-1.sarif", "testcloud-111122223333.sarif")) {
            SarifSchema.assertValid(bundle.resolve("sarif").resolve(name));
        }
        JsonNode run = JSON.readTree(bundle.resolve("sarif/testcloud-111122223333.sarif").toFile()).path("runs").get(0);
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("evidentry/testcloud/111122223333/");
        assertThat(run.path("results")).extracting(node -> node.path("ruleId").asText() + " "
                + node.path("kind").asText()).containsExactly(MfaCheck.ID + " fail", EncryptionCheck.ID + " open");
        assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isFalse();
        assertThat(run.path("invocations").get(0).path("toolExecutionNotifications")).hasSize(1);
    }

    @Test
    void anErrorResultSaysCouldNotEvaluateOnceInSarif() throws IOException {
        JsonNode run = JSON.readTree(bundle.resolve("sarif/testcloud-111122223333.sarif").toFile()).path("runs").get(0);
        String message = run.path("results").get(1).path("message").path("text").asText();

        assertThat(message).startsWith("Could not evaluate: storage:GetBucketEncryption");
        assertThat(message.split("Could not evaluate", -1)).hasSize(2);
    }

    @Test
    void resourcesIssuesAndControlsDescribeTheScan() throws IOException {
        List<JsonNode> resources = new ArrayList<>();
        for (String line : Files.readAllLines(bundle.resolve("resources.jsonl"))) {
            resources.add(JSON.readTree(line));
        }
        assertThat(resources).extracting(node -> node.path("resource").path("name").asText())
                .containsExactly("dora", "alice", "ci-bot", "bucket-a");
        JsonNode alice = resources.get(1).path("facts").get(0);
        assertThat(alice.path("kind").asText()).isEqualTo("identity.human");
        assertThat(alice.path("mfa").asText()).isEqualTo("NONE");
        assertThat(alice.path("evidence")).hasSize(1);

        List<String> issues = Files.readAllLines(bundle.resolve("issues.jsonl"));
        assertThat(issues).singleElement().satisfies(line -> {
            JsonNode issue = JSON.readTree(line);
            assertThat(issue.path("cause").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(issue.path("operation").asText()).isEqualTo("storage:GetBucketEncryption");
            assertThat(issue.path("resource").path("nativeId").asText()).isEqualTo("tc:bucket/bucket-b");
            assertThat(issue.path("advice").asText()).contains("grant the read-only permission");
        });

        JsonNode controls = JSON.readTree(bundle.resolve("controls.json").toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        controls.path("criteria").forEach(node -> byId.put(node.path("id").asText(), node));
        assertThat(byId.get("CC6.1").path("checks")).extracting(JsonNode::asText).containsExactly(MfaCheck.ID);
        assertThat(byId.get("CC6.1").path("coverage").asText()).isEqualTo("EXCEPTIONS");
        assertThat(byId.get("CC6.1").path("counts").path("FAIL").asInt()).isEqualTo(1);
        assertThat(byId.get("CC6.3").path("coverage").asText()).isEqualTo("EFFECTIVE");
        assertThat(byId.get("C1.1").path("coverage").asText()).isEqualTo("INCOMPLETE");
        assertThat(byId.get("CC7.1").path("coverage").asText()).isEqualTo("NOT_AUTOMATED");
    }

    @Test
    void aFreshBundleVerifiesIntact() throws IOException {
        BundleVerifier.Report report = BundleVerifier.verify(bundle, null);

        assertThat(report.problems()).isEmpty();
        assertThat(report.signature()).isEqualTo(BundleVerifier.SignatureStatus.UNSIGNED);
        assertThat(report.intact()).isTrue();
        assertThat(report.filesChecked()).isEqualTo(10);
    }

    @Test
    void verificationNamesAChangedADeletedAndAnAddedFile() throws IOException {
        String evidence = TestScans.files(bundle).stream().filter(file -> file.startsWith("evidence/")).findFirst()
                .orElseThrow();
        Files.writeString(bundle.resolve("findings.jsonl"), "{}\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(bundle.resolve(evidence));
        Files.writeString(bundle.resolve("sarif/extra.sarif"), "{}");

        BundleVerifier.Report report = BundleVerifier.verify(bundle, null);

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).containsExactlyInAnyOrder(
                "findings.jsonl: changed (SHA-256 differs from the manifest)",
                evidence + ": missing",
                "sarif/extra.sarif: added (not in the manifest)");
    }

    @Test
    void aDirectoryWithoutAManifestIsNoBundle() {
        assertThatThrownBy(() -> BundleVerifier.verify(temp, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("manifest.json");
    }

    @Test
    void aNonEmptyDirectoryThatHoldsNoBundleIsNeverOverwritten() throws IOException {
        Path precious = temp.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> TestScans.scan(TestScans.request(precious, Map.of())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("is not empty and does not hold an earlier Evidentry bundle");
        assertThat(TestScans.files(precious)).containsExactly("thesis.tex");
    }

    @Test
    void anOutputThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(temp.resolve("out.txt"), "x");

        assertThatThrownBy(() -> TestScans.scan(TestScans.request(file, Map.of())))
                .isInstanceOf(UsageException.class).hasMessageContaining("is a file");
    }

    @Test
    void aPreviousBundleIsClearedBeforeTheNextScan() throws Exception {
        Files.writeString(bundle.resolve("evidence/stale.json"), "{}");
        Files.writeString(bundle.resolve("manifest.sig"), "stale signature");

        ScanResult again = TestScans.scan(TestScans.request(bundle, Map.of()));

        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(TestScans.files(bundle)).doesNotContain("evidence/stale.json", "manifest.sig");
        assertThat(BundleVerifier.verify(bundle, null).intact()).isTrue();
        assertThat(Files.readString(bundle.resolve("issues.jsonl"))).isEmpty();
    }

    @Test
    void theSameScanWritesTheSameBundleApartFromTheRunId() throws Exception {
        Path second = temp.resolve("second");
        TestScans.scan(TestScans.request(second, Map.of("mfa", "none", "issue", "denied")));

        assertThat(TestScans.files(second)).isEqualTo(TestScans.files(bundle));
        for (String file : TestScans.files(bundle)) {
            String expected = Files.readString(bundle.resolve(file));
            String actual = Files.readString(second.resolve(file));
            if (file.equals("manifest.json")) {
                expected = expected.replaceAll("\"runId\" : \"[^\"]+\"", "");
                actual = actual.replaceAll("\"runId\" : \"[^\"]+\"", "");
            }
            assertThat(actual).as(file).isEqualTo(expected);
        }
    }

    @Test
    void sarifIsCopiedToADirectoryOrToOneFileWhenThereIsOneRun() throws Exception {
        Path copies = temp.resolve("copies");
        ScanResult toDirectory = TestScans.scan(TestScans.withSarif(
                TestScans.request(temp.resolve("b1"), Map.of()), copies));
        assertThat(toDirectory.sarifFiles()).extracting(path -> path.getFileName().toString())
                .containsExactly("alpha-saas-org-1.sarif", "testcloud-111122223333.sarif");
        assertThat(copies.resolve("testcloud-111122223333.sarif"))
                .hasSameBinaryContentAs(temp.resolve("b1/sarif/testcloud-111122223333.sarif"));

        Path single = temp.resolve("reports/testcloud.sarif");
        ScanRequest oneProvider = TestScans.withProviders(TestScans.withSarif(
                TestScans.request(temp.resolve("b2"), Map.of()), single), List.of(TestCloudProvider.ID));
        assertThat(TestScans.scan(oneProvider).sarifFiles()).containsExactly(single);
        SarifSchema.assertValid(single);

        assertThatThrownBy(() -> TestScans.scan(TestScans.withSarif(TestScans.request(temp.resolve("b3"), Map.of()),
                temp.resolve("all.sarif")))).isInstanceOf(UsageException.class)
                .hasMessageContaining("2 SARIF runs");
    }
}
