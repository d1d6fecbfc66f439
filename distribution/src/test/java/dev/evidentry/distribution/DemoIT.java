package dev.evidentry.distribution;

import static dev.evidentry.distribution.Distribution.finding;
import static dev.evidentry.distribution.Distribution.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.evidentry.demo.DemoEstate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo: the real AWS plugin from the layout's plugins/aws, through the real SDK, against the recorded
 * estate. Proves the demo is an ordinary scan, and that its verdicts are the estate's.
 */
class DemoIT {

    private static final String ACCOUNT = DemoEstate.ACCOUNT;

    @TempDir
    static Path workspace;

    private static DemoEstate estate;
    private static Distribution.Run run;
    private static Path bundle;
    private static List<JsonNode> findings;

    @BeforeAll
    static void scanTheDemoEstate() {
        estate = DemoEstate.start();
        System.setProperty("aws.accessKeyId", DemoEstate.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DemoEstate.SECRET_ACCESS_KEY);
        System.setProperty("aws.region", "us-east-1");
        bundle = workspace.resolve("bundle");
        run = Distribution.run("scan", "--provider", "aws", "--endpoint-url", estate.endpoint(),
                "--output", bundle.toString(), "--no-progress");
        findings = Distribution.findings(bundle);
    }

    @AfterAll
    static void stop() {
        estate.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    @Test
    void theScanFailsOnTheEstatesFailures() {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Findings:").contains("Worst findings:").contains("Evidence bundle:");
    }

    @Test
    void identityVerdictsFollowTheCredentialReport() {
        assertThat(outcome(findings, "identity.mfa.interactive-users", user("alice"))).isEqualTo("PASS");
        assertThat(outcome(findings, "identity.mfa.interactive-users", user("carol"))).isEqualTo("PASS");
        assertThat(outcome(findings, "identity.mfa.interactive-users", user("bob"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "identity.mfa.interactive-users", user("ci-deploy"))).isEqualTo("NOT_APPLICABLE");
        assertThat(outcome(findings, "aws.iam.root-mfa", "arn:aws:iam::" + ACCOUNT + ":root")).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.iam.single-active-access-key", user("ci-deploy"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.iam.access-key-rotation", user("ci-deploy"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.iam.access-key-rotation", user("alice"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.iam.unused-credentials", user("bob"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.iam.password-policy", ACCOUNT)).isEqualTo("FAIL");
    }

    @Test
    void storageVerdictsFollowTheBucketSettings() {
        assertThat(outcome(findings, "encryption.datastore.at-rest", bucket("acme-prod-data"))).isEqualTo("PASS");
        assertThat(finding(findings, "encryption.datastore.at-rest", bucket("acme-prod-data")).path("message")
                .asText()).containsIgnoringCase("customer");
        assertThat(outcome(findings, "aws.s3.account-public-access-block", ACCOUNT)).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.bucket-public-access-block", bucket("acme-public-assets")))
                .isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.no-public-acl", bucket("acme-public-assets"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.versioning", bucket("acme-prod-data"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.s3.versioning", bucket("acme-legacy-archive"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.access-logging", bucket("acme-prod-data"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.s3.access-logging", bucket("acme-logs"))).isEqualTo("FAIL");
    }

    @Test
    void aDeniedCallIsAnErrorNamingItsCauseNeverAPass() {
        JsonNode denied = finding(findings, "aws.s3.access-logging", bucket("acme-legacy-archive"));
        assertThat(denied.path("outcome").asText()).isEqualTo("ERROR");
        assertThat(denied.path("message").asText()).contains("GetBucketLogging").contains("access denied");
        assertThat(run.out()).contains("Could not collect");
    }

    @Test
    void theDemoIsAnOrdinarySignedSdkScanOfTheLocalServer() {
        List<ServeEvent> served = estate.server().getAllServeEvents();
        assertThat(served).isNotEmpty();
        assertThat(served).allSatisfy(event -> {
            assertThat(event.getRequest().getHeader("Authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + DemoEstate.ACCESS_KEY_ID + "/");
            assertThat(event.getRequest().getHeader("User-Agent")).contains("aws-sdk-java/2.");
            assertThat(event.getWasMatched()).as(event.getRequest().getUrl()).isTrue();
        });
    }

    @Test
    void theSarifIsValidAndNamesItsCategory() throws IOException {
        JsonNode sarif = Distribution.JSON.readTree(bundle.resolve("sarif/aws-" + ACCOUNT + ".sarif").toFile());
        Schemas.assertValidSarif(sarif);
        assertThat(sarif.path("runs")).hasSize(1);
        assertThat(sarif.path("runs").get(0).path("automationDetails").path("id").asText())
                .isEqualTo("evidentry/aws/" + ACCOUNT + "/");
    }

    @Test
    void everyBundleFileMatchesItsPublishedSchema() throws IOException {
        Schemas.assertValid("manifest", Distribution.JSON.readTree(bundle.resolve("manifest.json").toFile()));
        Schemas.assertValid("controls", Distribution.JSON.readTree(bundle.resolve("controls.json").toFile()));
        findings.forEach(line -> Schemas.assertValid("finding", line));
        Distribution.jsonLines(bundle.resolve("resources.jsonl")).forEach(line -> Schemas.assertValid("resource", line));
        Distribution.jsonLines(bundle.resolve("issues.jsonl")).forEach(line -> Schemas.assertValid("issue", line));
        try (Stream<Path> evidence = Files.list(bundle.resolve("evidence"))) {
            for (Path file : evidence.toList()) {
                Schemas.assertValid("evidence", Distribution.JSON.readTree(file.toFile()));
            }
        }
    }

    /** docs/providers/aws-readonly-policy.json must allow every call a scan makes, or users meet ERRORs we caused. */
    @Test
    void theDocumentedReadOnlyPolicyAllowsEveryCallTheScanMade() throws IOException {
        JsonNode policy = Distribution.JSON.readTree(
                Schemas.moduleDir().resolve("../docs/providers/aws-readonly-policy.json").toFile());
        java.util.Set<String> allowed = new java.util.HashSet<>();
        policy.path("Statement").forEach(statement -> statement.path("Action").forEach(a -> allowed.add(a.asText())));
        JsonNode calls = Distribution.JSON.readTree(bundle.resolve("manifest.json").toFile())
                .path("counts").path("apiCalls");
        assertThat(calls.size()).isPositive();
        calls.fieldNames().forEachRemaining(call -> assertThat(allowed).as("IAM action for " + call)
                .contains(iamAction(call.substring(call.indexOf(':') + 1))));
    }

    /** The IAM action that authorises an API operation; S3's differ from their operations' names. */
    static String iamAction(String serviceOperation) {
        return switch (serviceOperation) {
            case "s3:ListBuckets" -> "s3:ListAllMyBuckets";
            case "s3:GetBucketEncryption" -> "s3:GetEncryptionConfiguration";
            case "s3:GetPublicAccessBlock" -> "s3:GetBucketPublicAccessBlock";
            case "s3control:GetPublicAccessBlock" -> "s3:GetAccountPublicAccessBlock";
            default -> serviceOperation;
        };
    }

    @Test
    void theAwsProviderCameFromItsOwnPluginDirectory() throws IOException {
        JsonNode manifest = Distribution.JSON.readTree(bundle.resolve("manifest.json").toFile());
        assertThat(manifest.path("plugins")).anySatisfy(plugin -> {
            assertThat(plugin.path("id").asText()).isEqualTo("aws");
            assertThat(plugin.path("location").asText()).isEqualTo("plugins/aws");
        });
    }

    @Test
    void noProviderSourceKnowsAboutTheDemo() throws IOException {
        Path sources = Path.of("..", "providers");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> mentioning = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/"))
                    .filter(file -> {
                        try {
                            return Files.readString(file).toLowerCase().contains("demo");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(mentioning).as("provider code with a demo branch").isEmpty();
        }
    }

    @Test
    void theBundleVerifiesAndHoldsNoSecret() {
        Distribution.Run verify = Distribution.run("verify", bundle.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        String everything = Distribution.allText(bundle) + run.out() + run.err();
        assertThat(everything)
                .doesNotContain(DemoEstate.SECRET_ACCESS_KEY)
                .doesNotContain("DEMOSEEDJBSWY3DPEHPK3PXP")
                .doesNotContain("iVBORw0KGgoAAAANSUhEUg");
        assertThat(everything).contains("[REDACTED]");
    }

    private static String user(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    private static String bucket(String name) {
        return "arn:aws:s3:::" + name;
    }
}
