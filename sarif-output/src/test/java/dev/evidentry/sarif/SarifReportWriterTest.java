package dev.evidentry.sarif;

import static dev.evidentry.sarif.SampleRun.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static JsonNode log(String sarif) {
        return SarifSchema.parse(sarif);
    }

    private static JsonNode run(String sarif) {
        return log(sarif).path("runs").path(0);
    }

    private static List<JsonNode> results(String sarif) {
        return list(run(sarif).path("results"));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static JsonNode resultFor(String sarif, Finding finding) {
        return results(sarif).stream()
                .filter(r -> r.path("ruleId").asText().equals(finding.checkId()))
                .filter(r -> r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()
                        .equals(finding.resource().nativeId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void logIsValidSarifWithOneRun() {
        String sarif = SampleRun.write();

        SarifSchema.assertValid(sarif);
        assertThat(log(sarif).path("version").asText()).isEqualTo("2.1.0");
        assertThat(log(sarif).path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log(sarif).path("runs")).hasSize(1);
        assertThat(run(sarif).at("/automationDetails/id").asText()).isEqualTo("evidentry/aws/123456789012/");
    }

    @Test
    void emptyRunIsValidSarif() {
        String sarif = SampleRun.write(
                new SarifRun(SampleRun.TOOL, "evidentry/aws/1/", List.of(), List.of(), true, SampleRun.START,
                        SampleRun.START),
                List.of());

        SarifSchema.assertValid(sarif);
        assertThat(run(sarif).path("results").isArray()).isTrue();
        assertThat(run(sarif).path("results")).isEmpty();
        assertThat(run(sarif).at("/taxonomies/0/taxa")).isEmpty();
    }

    @Test
    void validatorRejectsABrokenLog() {
        ObjectNode broken = (ObjectNode) log(SampleRun.write());
        ObjectNode result = (ObjectNode) broken.at("/runs/0/results/0");
        result.put("level", "fatal");
        ((ObjectNode) result.at("/locations/0/physicalLocation/region")).put("startLine", 0);
        ((ObjectNode) broken.at("/runs/0/invocations/0")).put("startTimeUtc", "yesterday");

        assertThat(SarifSchema.validate(broken.toString()))
                .extracting(error -> error.getInstanceLocation().toString())
                .containsExactlyInAnyOrder("/runs/0/results/0/level",
                        "/runs/0/results/0/locations/0/physicalLocation/region/startLine",
                        "/runs/0/invocations/0/startTimeUtc");
    }

    @Test
    void passAndNotApplicableAreNotResults() {
        String sarif = SampleRun.write();

        assertThat(results(sarif)).extracting(r -> r.at("/properties/outcome").asText())
                .containsExactly("FAIL", "ERROR", "FAIL", "FAIL");
        assertThat(results(sarif)).extracting(r -> r.at("/locations/0/logicalLocations/0/name").asText())
                .doesNotContain("alice", "ci-bot");
        assertThat(SampleRun.write(SampleRun.run(), List.of(SampleRun.ALICE_HAS_MFA, SampleRun.CI_BOT_NOT_INTERACTIVE)))
                .satisfies(s -> assertThat(results(s)).isEmpty());
    }

    @Test
    void rulesAreSortedByIdAndRuleIndexPointsAtTheResultsRule() {
        String sarif = SampleRun.write();
        JsonNode rules = run(sarif).at("/tool/driver/rules");

        assertThat(list(rules)).extracting(r -> r.path("id").asText()).containsExactly(
                "aws.iam.root-mfa", "aws.s3.bucket-encryption", "identity.mfa.console-users",
                "logging.audit-trail.enabled");
        assertThat(results(sarif)).allSatisfy(result -> assertThat(
                rules.path(result.path("ruleIndex").asInt()).path("id").asText())
                .isEqualTo(result.path("ruleId").asText()));
        assertThat(resultFor(sarif, SampleRun.TRAIL_SINGLE_REGION).path("ruleIndex").asInt()).isEqualTo(3);
        assertThat(resultFor(sarif, SampleRun.ROOT_MFA_UNKNOWN).path("ruleIndex").asInt()).isZero();
    }

    @Test
    void ruleDescribesTheCheckForGitHub() {
        JsonNode rule = run(SampleRun.write()).at("/tool/driver/rules/1");

        assertThat(rule.path("id").asText()).isEqualTo("aws.s3.bucket-encryption");
        assertThat(rule.path("name").asText()).isEqualTo("AwsS3BucketEncryption");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("S3 buckets encrypt data at rest");
        assertThat(rule.at("/fullDescription/text").asText())
                .isEqualTo(SampleRun.BUCKET_ENCRYPTION.help().risk().strip());
        assertThat(rule.at("/help/text").asText())
                .contains(SampleRun.BUCKET_ENCRYPTION.help().risk().strip())
                .contains(SampleRun.BUCKET_ENCRYPTION.help().remediation().strip());
        assertThat(rule.at("/help/markdown").asText()).startsWith("## Risk\n\n").contains("\n\n## Remediation\n\n");
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(rule.at("/properties/security-severity").isTextual()).isTrue();
        assertThat(rule.at("/properties/security-severity").asText()).isEqualTo("8.0");
        assertThat(texts(rule.at("/properties/tags"))).containsExactly("security", "soc2", "CC6.1", "CC6.7");
        assertThat(list(rule.path("relationships"))).hasSize(2).allSatisfy(relationship -> {
            assertThat(relationship.at("/target/toolComponent/name").asText()).isEqualTo("SOC2");
            assertThat(texts(relationship.path("kinds"))).containsExactly("relevant");
        });
        assertThat(list(rule.path("relationships"))).extracting(r -> r.at("/target/id").asText())
                .containsExactly("CC6.1", "CC6.7");
    }

    @Test
    void severityMapsToDefaultLevelAndSecuritySeverity() {
        JsonNode rules = run(SampleRun.write()).at("/tool/driver/rules");

        assertThat(list(rules)).extracting(
                        r -> r.path("id").asText(),
                        r -> r.at("/defaultConfiguration/level").asText(),
                        r -> r.at("/properties/security-severity").asText())
                .containsExactly(
                        tuple("aws.iam.root-mfa", "error", "9.5"),
                        tuple("aws.s3.bucket-encryption", "error", "8.0"),
                        tuple("identity.mfa.console-users", "warning", "5.5"),
                        tuple("logging.audit-trail.enabled", "note", "3.0"));
    }

    @Test
    void taxonomyHoldsTheReferencedCriteriaOnly() {
        JsonNode run = run(SampleRun.write());
        JsonNode taxonomy = run.at("/taxonomies/0");

        assertThat(run.path("taxonomies")).hasSize(1);
        assertThat(taxonomy.path("name").asText()).isEqualTo("SOC2");
        assertThat(taxonomy.path("organization").asText()).isEqualTo("AICPA");
        assertThat(taxonomy.at("/shortDescription/text").asText()).contains("Trust Services Criteria");
        assertThat(list(taxonomy.path("taxa"))).extracting(t -> t.path("id").asText())
                .containsExactly("CC6.1", "CC6.2", "CC6.3", "CC6.7", "CC7.2");
        assertThat(taxonomy.at("/taxa/0/shortDescription/text").asText())
                .isEqualTo("Logical access security software, infrastructure and architectures");
        assertThat(run.at("/tool/driver/supportedTaxonomies/0/name").asText()).isEqualTo("SOC2");
    }

    @Test
    void failResultHasTheRulesLevelALocationAndProperties() {
        JsonNode result = resultFor(SampleRun.write(), SampleRun.LOGS_BUCKET_UNENCRYPTED);

        assertThat(result.path("kind").asText()).isEqualTo("fail");
        assertThat(result.path("level").asText()).isEqualTo("error");
        assertThat(result.at("/message/text").asText()).isEqualTo("Bucket acme-logs has no default encryption.");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("cloud/aws/123456789012/us-east-1/s3/bucket/acme-logs");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("arn:aws:s3:::acme-logs");
        assertThat(result.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("acme-logs");
        assertThat(result.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("resource");
        JsonNode properties = result.path("properties");
        assertThat(properties.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(properties.path("provider").asText()).isEqualTo("aws");
        assertThat(properties.path("account").asText()).isEqualTo(ACCOUNT);
        assertThat(properties.path("region").asText()).isEqualTo("us-east-1");
        assertThat(properties.path("resourceType").asText()).isEqualTo("aws.s3.bucket");
        assertThat(texts(properties.path("evidence")))
                .containsExactly(SampleRun.EVIDENCE_A.sha256(), SampleRun.EVIDENCE_B.sha256());
    }

    @Test
    void errorResultIsOpenAndSaysItCouldNotEvaluate() {
        JsonNode result = resultFor(SampleRun.write(), SampleRun.ROOT_MFA_UNKNOWN);

        assertThat(result.path("kind").asText()).isEqualTo("open");
        // SARIF 2.1.0 §3.27.10: a result whose kind is not "fail" has level "none".
        assertThat(result.path("level").asText()).isEqualTo("none");
        assertThat(result.at("/message/text").asText())
                .isEqualTo("Could not evaluate: iam:GetAccountSummary was denied, so root MFA is unknown.");
        assertThat(result.at("/properties/outcome").asText()).isEqualTo("ERROR");
        assertThat(result.at("/properties/region").asText()).isEqualTo("global");
        assertThat(result.at("/properties/evidence")).isEmpty();
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("cloud/aws/123456789012/global/iam/root-account/root");
    }

    @Test
    void pseudoPathHasNoSchemeOrColonAndEncodesOddNames() {
        String sarif = SampleRun.write();

        assertThat(results(sarif)).allSatisfy(result -> {
            String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            assertThat(uri).startsWith("cloud/").doesNotContain(":").doesNotContain("//").matches("[A-Za-z0-9._%/-]+");
            assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").isMissingNode()).isTrue();
        });
        assertThat(resultFor(sarif, SampleRun.ODD_USER_WITHOUT_MFA)
                .at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("cloud/aws/123456789012/global/iam/user/bob%20smith%2Fops%3A%C3%A9");
        assertThat(resultFor(sarif, SampleRun.ODD_USER_WITHOUT_MFA)
                .at("/locations/0/logicalLocations/0/name").asText())
                .isEqualTo("bob smith/ops:é");
    }

    @Test
    void fingerprintIsSha256OfCheckIdAndNativeId() throws Exception {
        JsonNode result = resultFor(SampleRun.write(), SampleRun.LOGS_BUCKET_UNENCRYPTED);
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256")
                .digest("aws.s3.bucket-encryption\u0000arn:aws:s3:::acme-logs".getBytes(StandardCharsets.UTF_8));

        assertThat(result.at("/partialFingerprints/evidentryFinding~1v1").asText())
                .isEqualTo(HexFormat.of().formatHex(expected))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndDifferAcrossResources() {
        Finding other = new Finding(SampleRun.BUCKET_ENCRYPTION.id(), SampleRun.DATA_BUCKET, Outcome.FAIL,
                "Bucket acme-data has no default encryption.", List.of());
        // A later scan: another message, other evidence, another run time, and a different outcome.
        Finding laterScan = SampleRun.LOGS_BUCKET_UNENCRYPTED.withOutcome(Outcome.ERROR, "Encryption unknown.");

        String first = SampleRun.write(SampleRun.run(), List.of(SampleRun.LOGS_BUCKET_UNENCRYPTED, other));
        String second = SampleRun.write(SampleRun.run(List.of(), true), List.of(laterScan));

        List<String> firstPrints = results(first).stream()
                .map(r -> r.at("/partialFingerprints/evidentryFinding~1v1").asText()).toList();
        String secondPrint = results(second).get(0).at("/partialFingerprints/evidentryFinding~1v1").asText();
        assertThat(firstPrints).doesNotHaveDuplicates().hasSize(2);
        assertThat(secondPrint).isEqualTo(firstPrints.get(0));
    }

    @Test
    void sameCheckOnSameResourceNameInAnotherAccountHasAnotherFingerprint() {
        assertThat(Fingerprints.finding("aws.s3.bucket-encryption", "arn:aws:iam::111111111111:user/a"))
                .isNotEqualTo(Fingerprints.finding("aws.s3.bucket-encryption", "arn:aws:iam::222222222222:user/a"))
                .isNotEqualTo(Fingerprints.finding("aws.s3.bucket-encryptio", "narn:aws:iam::111111111111:user/a"));
    }

    @Test
    void invocationRecordsSuccessAndUtcTimes() {
        JsonNode failed = run(SampleRun.write()).at("/invocations/0");
        JsonNode succeeded = run(SampleRun.write(SampleRun.run(List.of(), true), SampleRun.FINDINGS))
                .at("/invocations/0");

        assertThat(failed.path("executionSuccessful").isBoolean()).isTrue();
        assertThat(failed.path("executionSuccessful").asBoolean()).isFalse();
        assertThat(succeeded.path("executionSuccessful").asBoolean()).isTrue();
        assertThat(succeeded.path("toolExecutionNotifications")).isEmpty();
        assertThat(failed.path("startTimeUtc").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(failed.path("endTimeUtc").asText()).isEqualTo("2026-11-23T10:04:30.250Z");
    }

    @Test
    void collectionIssueBecomesAToolExecutionNotification() {
        JsonNode run = run(SampleRun.write());
        List<JsonNode> notifications = list(run.at("/invocations/0/toolExecutionNotifications"));

        assertThat(notifications).hasSize(2); // sorted by scope, then operation
        JsonNode denied = notifications.get(1);
        assertThat(denied.path("level").asText()).isEqualTo("error");
        assertThat(denied.at("/message/text").asText()).isEqualTo(
                "s3:GetBucketEncryption: access denied: Access Denied (resource arn:aws:s3:::acme-data)");
        assertThat(denied.at("/descriptor/id").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(run.at("/tool/driver/notifications").path(denied.at("/descriptor/index").asInt()).path("id")
                .asText()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("arn:aws:s3:::acme-data");
        assertThat(denied.at("/properties/provider").asText()).isEqualTo("aws");
        assertThat(denied.at("/properties/account").asText()).isEqualTo(ACCOUNT);
        assertThat(denied.at("/properties/region").asText()).isEqualTo("eu-west-1");
        assertThat(texts(denied.at("/properties/factKinds")))
                .containsExactly("aws.s3.bucket-encryption", "datastore.encryption");

        JsonNode throttled = notifications.get(0);
        assertThat(throttled.at("/message/text").asText())
                .isEqualTo("cloudtrail:DescribeTrails: throttled past the retries: Rate exceeded");
        assertThat(throttled.at("/descriptor/id").asText()).isEqualTo("THROTTLED");
        assertThat(throttled.path("locations").isMissingNode()).isTrue();
    }

    @Test
    void outputIsTheSameForTheSameInputWhateverTheIssueOrder() {
        String once = SampleRun.write();
        String again = SampleRun.write(
                SampleRun.run(List.of(SampleRun.DATA_BUCKET_DENIED, SampleRun.TRAILS_THROTTLED), false),
                SampleRun.FINDINGS);

        assertThat(again).isEqualTo(once);
        assertThat(once).startsWith("{\n  \"$schema\": ").endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
    }

    @Test
    void closeFlushesButLeavesTheStreamOpenAndIsIdempotent() throws IOException {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        SarifReportWriter writer = new SarifReportWriter(out, SampleRun.run());
        writer.add(SampleRun.LOGS_BUCKET_UNENCRYPTED);
        writer.close();
        int size = out.size();
        writer.close();

        assertThat(out.closed).isFalse();
        assertThat(out.size()).isEqualTo(size);
        SarifSchema.assertValid(out.toString(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> writer.add(SampleRun.TRAIL_SINGLE_REGION)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resultsAreStreamedNotHeldUntilClose() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        try (SarifReportWriter writer = new SarifReportWriter(out, SampleRun.run())) {
            sizes.add(out.size());
            for (int i = 0; i < 2_000; i++) {
                writer.add(new Finding(SampleRun.BUCKET_ENCRYPTION.id(), SampleRun.bucket("us-east-1", "b-" + i),
                        Outcome.FAIL, "Bucket b-" + i + " has no default encryption.", List.of()));
            }
            sizes.add(out.size());
        }

        assertThat(sizes.get(1)).as("bytes written before close").isGreaterThan(sizes.get(0) + 1_000_000);
        assertThat(results(out.toString(StandardCharsets.UTF_8))).hasSize(2_000);
    }

    @Test
    void findingOfACheckOutsideTheRunIsRejected() throws IOException {
        try (SarifReportWriter writer = new SarifReportWriter(OutputStream.nullOutputStream(), SampleRun.run())) {
            Finding stray = new Finding("aws.ec2.imdsv2", SampleRun.LOGS_BUCKET, Outcome.FAIL, "x", List.of());

            assertThatThrownBy(() -> writer.add(stray))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aws.ec2.imdsv2");
        }
    }

    @Test
    void semanticVersionIsWrittenOnlyForValidSemVer() {
        JsonNode release = run(SampleRun.write()).at("/tool/driver");
        JsonNode snapshot = run(SampleRun.write(withTool(new SarifTool("Evidentry", "0.1.0-SNAPSHOT",
                "https://github.com/evidentry/evidentry")), List.of())).at("/tool/driver");
        JsonNode dev = run(SampleRun.write(withTool(new SarifTool("Evidentry", "dev",
                "https://github.com/evidentry/evidentry")), List.of())).at("/tool/driver");

        assertThat(release.path("semanticVersion").asText()).isEqualTo("0.1.0");
        assertThat(snapshot.path("semanticVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(dev.path("version").asText()).isEqualTo("dev");
        assertThat(dev.path("semanticVersion").isMissingNode()).isTrue();
    }

    @Test
    void runRejectsDuplicateRulesAndBackwardTimes() {
        assertThatThrownBy(() -> new SarifRun(SampleRun.TOOL, "evidentry/aws/1/",
                List.of(SampleRun.ROOT_MFA, SampleRun.ROOT_MFA), List.of(), true, SampleRun.START, SampleRun.END))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws.iam.root-mfa");
        assertThatThrownBy(() -> new SarifRun(SampleRun.TOOL, "evidentry/aws/1/", List.of(), List.of(), true,
                SampleRun.END, SampleRun.START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SarifTool("Evidentry", "1.0.0", "evidentry.dev"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SarifRun withTool(SarifTool tool) {
        SarifRun run = SampleRun.run();
        return new SarifRun(tool, run.automationId(), run.rules(), run.issues(), run.executionSuccessful(),
                run.startTime(), run.endTime());
    }
}
