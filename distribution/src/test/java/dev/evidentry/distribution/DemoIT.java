package dev.evidentry.distribution;

import static dev.evidentry.distribution.Distribution.finding;
import static dev.evidentry.distribution.Distribution.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.evidentry.core.cli.EvidentryCli;
import dev.evidentry.demo.DemoEstate;
import dev.evidentry.demo.DemoScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private static final String PROD_KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String ORG = DemoEstate.GITHUB_ORGANIZATION;
    private static final String OKTA_AMY = "00u1amyAdmin00000g4";
    private static final String OKTA_SAM = "00u2samOps0000000g4";
    private static final String OKTA_NIA = "00u3niaNew0000000g4";
    private static final String OKTA_SUZY = "00u5suzyLeft00000g4";

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
        run = Distribution.run(DemoScan.arguments(estate, "--output", bundle.toString(), "--no-progress"));
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
    void regionalEncryptionVerdictsFollowEachRegionsStores() {
        assertThat(outcome(findings, "aws.ec2.ebs-encryption-by-default", region("us-east-1"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.ec2.ebs-encryption-by-default", region("eu-west-1"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "encryption.datastore.at-rest", volume("us-east-1", "vol-0a1b2c3d4e5f60001")))
                .isEqualTo("PASS");
        assertThat(finding(findings, "encryption.datastore.at-rest", volume("us-east-1", "vol-0a1b2c3d4e5f60001"))
                .path("message").asText()).contains("customer-managed key").contains(key("us-east-1", PROD_KEY));
        assertThat(finding(findings, "encryption.datastore.at-rest", volume("us-east-1", "vol-0a1b2c3d4e5f60002"))
                .path("message").asText()).contains("provider-managed key").contains("KeyManager=AWS");
        assertThat(outcome(findings, "encryption.datastore.at-rest", volume("eu-west-1", "vol-0b1c2d3e4f5a60003")))
                .isEqualTo("FAIL");
        assertThat(outcome(findings, "encryption.datastore.at-rest", database("us-east-1", "orders-db")))
                .isEqualTo("PASS");
        assertThat(outcome(findings, "encryption.datastore.at-rest", database("eu-west-1", "legacy-reports")))
                .isEqualTo("FAIL");
        assertThat(finding(findings, "encryption.datastore.at-rest", table("payments")).path("message").asText())
                .contains("customer-managed key");
        assertThat(finding(findings, "encryption.datastore.at-rest", table("sessions")).path("message").asText())
                .contains("provider-managed key").contains("AWS owned key");
        assertThat(outcome(findings, "aws.kms.key-rotation", key("us-east-1", PROD_KEY))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.kms.key-rotation", key("eu-west-1", "bcdef012-3456-4789-abcd-ef0123456789")))
                .isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.kms.key-rotation", key("us-east-1", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")))
                .isEqualTo("NOT_APPLICABLE");
        // The key AWS manages for EBS is described (it classifies a volume) but not judged.
        assertThat(findings).noneMatch(node -> node.path("resource").path("nativeId").asText()
                .equals(key("us-east-1", "0987dcba-09fe-87dc-65ba-ab0987654321")));
    }

    @Test
    void exposureVerdictsNameTheOpenRules() {
        String bastion = group("us-east-1", "sg-0a1b2c3d4e5f60101");
        String web = group("us-east-1", "sg-0a1b2c3d4e5f60102");
        String rdp = group("eu-west-1", "sg-0b1c2d3e4f5a60201");
        String anything = group("eu-west-1", "sg-0b1c2d3e4f5a60202");
        assertThat(outcome(findings, "aws.ec2.no-world-ssh", bastion)).isEqualTo("FAIL");
        assertThat(finding(findings, "aws.ec2.no-world-ssh", bastion).path("message").asText())
                .contains("tcp 22 from 0.0.0.0/0");
        assertThat(outcome(findings, "aws.ec2.no-world-ssh", web)).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.ec2.no-world-rdp", rdp)).isEqualTo("FAIL");
        assertThat(finding(findings, "aws.ec2.no-world-rdp", rdp).path("message").asText())
                .contains("tcp 3389 from ::/0").doesNotContain("203.0.113.0/24");
        assertThat(outcome(findings, "aws.ec2.no-world-rdp", bastion)).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.ec2.no-world-all-traffic", anything)).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.ec2.no-world-ssh", anything)).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.ec2.no-world-all-traffic", web)).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.rds.not-public", database("eu-west-1", "legacy-reports"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.rds.not-public", database("us-east-1", "orders-db"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.rds.backup-retention", database("eu-west-1", "legacy-reports")))
                .isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.rds.backup-retention", database("us-east-1", "orders-db")))
                .isEqualTo("PASS");
    }

    @Test
    void loggingAndMonitoringVerdictsCoverEveryRegion() {
        assertThat(outcome(findings, "aws.guardduty.enabled", region("us-east-1"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.guardduty.enabled", region("eu-west-1"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.config.recording", region("us-east-1"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.config.recording", region("eu-west-1"))).isEqualTo("FAIL");
        // One finding per account: the multi-region trail homed in us-east-1 (listed in eu-west-1 as a shadow) logs.
        assertThat(outcome(findings, "aws.cloudtrail.multi-region-logging", ACCOUNT)).isEqualTo("PASS");
        assertThat(finding(findings, "aws.cloudtrail.multi-region-logging", ACCOUNT).path("message").asText())
                .contains("management-events");
        String managementEvents = "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/management-events";
        String euAudit = "arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/eu-audit";
        assertThat(outcome(findings, "aws.cloudtrail.log-file-validation", managementEvents)).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.cloudtrail.log-file-validation", euAudit)).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.cloudtrail.kms-encryption", managementEvents)).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.cloudtrail.kms-encryption", euAudit)).isEqualTo("FAIL");
    }

    @Test
    void endpointProtectionIsWhatSsmInventoryShowsAndErrorWhereItCannotSee() {
        assertThat(outcome(findings, "endpoint.protection.active", instance("us-east-1", "i-0a1b2c3d4e5f60010")))
                .isEqualTo("PASS");
        assertThat(finding(findings, "endpoint.protection.active", instance("us-east-1", "i-0a1b2c3d4e5f60010"))
                .path("message").asText()).contains("falcon-sensor");
        assertThat(outcome(findings, "endpoint.protection.active", instance("us-east-1", "i-0a1b2c3d4e5f60020")))
                .isEqualTo("FAIL");
        assertThat(outcome(findings, "endpoint.protection.active",
                "arn:aws:ssm:us-east-1:" + ACCOUNT + ":managed-instance/mi-0123456789abcdef0")).isEqualTo("PASS");
        JsonNode unmanaged = finding(findings, "endpoint.protection.active", instance("eu-west-1",
                "i-0b1c2d3e4f5a60030"));
        assertThat(unmanaged.path("outcome").asText()).isEqualTo("ERROR");
        assertThat(unmanaged.path("message").asText()).contains("not managed by SSM");
    }

    /**
     * The device fleet, from the endpoint provider's osquery source: each device's verdicts follow its snapshot rows,
     * ages are measured against the scan's clock, and the line osqueryd left cut off is an ERROR, never a PASS.
     */
    @Test
    void theDeviceFleetsVerdictsFollowItsOsqueryResults() {
        String ana = device("C02ANA00MBP1");
        String ben = device("PF4BEN02");
        String backup = device("VMW-42-1F-8C-3D");
        String cleo = device("C02CLEO0MBP4");
        String dev = device("C02DEV00MBP5");
        assertThat(outcome(findings, "endpoint.protection.active", ana)).isEqualTo("PASS");
        assertThat(finding(findings, "endpoint.protection.active", ana).path("message").asText())
                .contains("CrowdStrike Falcon");
        assertThat(outcome(findings, "endpoint.disk.encrypted", ana)).isEqualTo("PASS");
        assertThat(outcome(findings, "endpoint.screen-lock.idle", ana)).isEqualTo("PASS");
        assertThat(outcome(findings, "endpoint.device.reported", ana)).isEqualTo("PASS");

        assertThat(outcome(findings, "endpoint.disk.encrypted", ben)).isEqualTo("FAIL");
        assertThat(finding(findings, "endpoint.disk.encrypted", ben).path("message").asText())
                .contains("drive C: protection off");
        assertThat(outcome(findings, "endpoint.protection.active", ben)).isEqualTo("PASS");
        assertThat(outcome(findings, "endpoint.screen-lock.idle", ben)).isEqualTo("PASS");

        // 30 days before the demo started, against the scan's clock: stale, and its other verdicts say so.
        assertThat(outcome(findings, "endpoint.device.reported", backup)).isEqualTo("FAIL");
        assertThat(finding(findings, "endpoint.device.reported", backup).path("message").asText())
                .contains("30 days ago");
        assertThat(outcome(findings, "endpoint.protection.active", backup)).isEqualTo("PASS");
        assertThat(finding(findings, "endpoint.protection.active", backup).path("message").asText())
                .contains("ClamAV").contains("30 days ago");
        assertThat(outcome(findings, "endpoint.disk.encrypted", backup)).isEqualTo("PASS");
        // A server with no display server running: there is no screen to lock.
        assertThat(outcome(findings, "endpoint.screen-lock.idle", backup)).isEqualTo("NOT_APPLICABLE");

        assertThat(outcome(findings, "endpoint.screen-lock.idle", cleo)).isEqualTo("FAIL");
        assertThat(finding(findings, "endpoint.screen-lock.idle", cleo).path("message").asText())
                .contains("60 minutes");
        assertThat(outcome(findings, "endpoint.protection.active", cleo)).isEqualTo("PASS");

        // osqueryd stopped while writing dev-mbp's disk-encryption line: that disk is unknown, and the line is an issue.
        assertThat(outcome(findings, "endpoint.disk.encrypted", dev)).isEqualTo("ERROR");
        assertThat(outcome(findings, "endpoint.protection.active", dev)).isEqualTo("PASS");
        assertThat(findings).filteredOn(node -> node.path("outcome").asText().equals("ERROR"))
                .anySatisfy(node -> assertThat(node.path("message").asText())
                        .contains("osqueryd.snapshots.log line 26 could not be read"));
        assertThat(findings).filteredOn(node -> node.path("resource").path("provider").asText().equals("endpoint"))
                .extracting(node -> node.path("resource").path("nativeId").asText())
                .contains(ana, ben, backup, cleo, dev);
    }

    /** Whether each device's system still gets security updates, and when it last installed them. */
    @Test
    void theFleetsOperatingSystemsAreJudgedBySupportAndPatchAge() {
        String ana = device("C02ANA00MBP1");
        String ben = device("PF4BEN02");
        String backup = device("VMW-42-1F-8C-3D");
        String cleo = device("C02CLEO0MBP4");
        String dev = device("C02DEV00MBP5");
        assertThat(outcome(findings, "endpoint.os.supported", ana)).isEqualTo("PASS");
        assertThat(outcome(findings, "endpoint.os.patched", ana)).isEqualTo("PASS");
        // Windows 11 23H2 Pro: updates ended on 2025-11-11; its last cumulative update is 45 days old.
        assertThat(finding(findings, "endpoint.os.supported", ben).path("message").asText())
                .contains("windows build 22631", "ended on 2025-11-11");
        assertThat(outcome(findings, "endpoint.os.supported", ben)).isEqualTo("FAIL");
        assertThat(finding(findings, "endpoint.os.patched", ben).path("message").asText()).contains("45 days ago");
        assertThat(outcome(findings, "endpoint.os.patched", ben)).isEqualTo("FAIL");
        assertThat(outcome(findings, "endpoint.os.supported", backup)).isEqualTo("PASS");
        assertThat(finding(findings, "endpoint.os.patched", backup).path("message").asText())
                .contains("62 days ago", "as of its last report, 30 days ago");
        // No evidentry_patches line from Cleo's Mac: when it was patched is unknown, an ERROR, never a PASS.
        assertThat(outcome(findings, "endpoint.os.patched", cleo)).isEqualTo("ERROR");
        assertThat(outcome(findings, "endpoint.os.supported", dev)).isEqualTo("FAIL");
        assertThat(outcome(findings, "endpoint.os.patched", dev)).isEqualTo("PASS");
    }

    @Test
    void theFleetsResultLogIsWrittenForTheRunAndGoneAtClose() throws IOException {
        try (DemoEstate another = DemoEstate.start()) {
            Path log = another.fleetResults().resolve("osqueryd.snapshots.log");
            assertThat(Files.readAllLines(log)).hasSize(29).noneMatch(line -> line.contains("@@"));
            assertThat(Files.readString(log)).containsPattern("\"calendarTime\":\"[A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3]"
                    + "\\d \\d{2}:\\d{2}:\\d{2} \\d{4} UTC\",\"unixTime\":\\d{10},");
            another.close();
            assertThat(another.fleetResults()).doesNotExist();
        }
    }

    /** The cross-provider MFA check judges the AWS, GitHub and Okta people in one bundle, each by its own source. */
    @Test
    void theMfaCheckJudgesEveryIdentitySourceInOneReport() {
        List<JsonNode> mfa = findings.stream()
                .filter(node -> node.path("checkId").asText().equals("identity.mfa.interactive-users")).toList();
        assertThat(mfa).extracting(node -> node.path("resource").path("provider").asText()).containsOnly("aws",
                "github", "okta").contains("aws", "github", "okta");
        assertThat(outcome(findings, "identity.mfa.interactive-users", user("bob"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "identity.mfa.interactive-users", "bob-acme")).isEqualTo("FAIL");
        assertThat(outcome(findings, "identity.mfa.interactive-users", "alice-acme")).isEqualTo("PASS");
        assertThat(outcome(findings, "identity.mfa.interactive-users", "dan-contractor")).isEqualTo("PASS");
        assertThat(outcome(findings, "identity.mfa.interactive-users", OKTA_NIA)).isEqualTo("FAIL");
        assertThat(finding(findings, "identity.mfa.interactive-users", OKTA_AMY).path("message").asText())
                .contains("phishing-resistant");
        // SMS is a second factor: it satisfies MFA, though not the admin check below.
        assertThat(outcome(findings, "identity.mfa.interactive-users", OKTA_SAM)).isEqualTo("PASS");
        assertThat(finding(findings, "identity.mfa.interactive-users", OKTA_SAM).path("message").asText())
                .contains("sms");
        assertThat(outcome(findings, "identity.mfa.interactive-users", OKTA_SUZY)).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void githubVerdictsFollowTheOrganisationsSettings() {
        assertThat(outcome(findings, "github.org.two-factor-required", ORG)).isEqualTo("FAIL");
        assertThat(outcome(findings, "github.org.default-repository-permission", ORG)).isEqualTo("PASS");
        String guarded = ORG + "/payments-api";
        String loose = ORG + "/infra-terraform";
        String open = ORG + "/marketing-site";
        assertThat(outcome(findings, "github.branch.reviews-required", guarded)).isEqualTo("PASS");
        assertThat(outcome(findings, "github.branch.reviews-required", loose)).isEqualTo("PASS");
        assertThat(outcome(findings, "github.branch.reviews-required", open)).isEqualTo("FAIL");
        assertThat(outcome(findings, "github.branch.admins-enforced", guarded)).isEqualTo("PASS");
        assertThat(outcome(findings, "github.branch.admins-enforced", loose)).isEqualTo("FAIL");
        assertThat(outcome(findings, "github.branch.force-push-blocked", guarded)).isEqualTo("PASS");
        assertThat(outcome(findings, "github.branch.force-push-blocked", loose)).isEqualTo("FAIL");
        assertThat(outcome(findings, "github.repo.secret-scanning", guarded)).isEqualTo("PASS");
        assertThat(outcome(findings, "github.repo.secret-scanning", open)).isEqualTo("FAIL");
        assertThat(outcome(findings, "github.repo.secret-push-protection", open)).isEqualTo("FAIL");
        assertThat(outcome(findings, "github.repo.dependabot-alerts", guarded)).isEqualTo("PASS");
        assertThat(outcome(findings, "github.repo.dependabot-alerts", open)).isEqualTo("FAIL");
        // An archived repository is listed, not judged.
        assertThat(findings).noneMatch(node -> node.path("resource").path("nativeId").asText()
                .equals(ORG + "/2019-hackathon"));
    }

    @Test
    void oktaVerdictsFollowTheOrgsPeopleAndPolicies() {
        assertThat(outcome(findings, "okta.admin.strong-factor", OKTA_AMY)).isEqualTo("PASS");
        assertThat(outcome(findings, "okta.admin.strong-factor", OKTA_SAM)).isEqualTo("FAIL");
        assertThat(finding(findings, "okta.admin.strong-factor", OKTA_SAM).path("message").asText())
                .contains("SMS");
        assertThat(findings).filteredOn(node -> node.path("checkId").asText().equals("okta.admin.strong-factor"))
                .hasSize(2);
        assertThat(outcome(findings, "okta.user.inactive", "00u4devonDormant0g4")).isEqualTo("FAIL");
        assertThat(outcome(findings, "okta.user.inactive", OKTA_AMY)).isEqualTo("PASS");
        assertThat(outcome(findings, "okta.policy.mfa-required", "rst1dashboard000g4")).isEqualTo("PASS");
        assertThat(outcome(findings, "okta.policy.mfa-required", "rst2legacyApp000g4")).isEqualTo("FAIL");
        assertThat(outcome(findings, "okta.policy.mfa-required", "00p3sessionPol00g4")).isEqualTo("FAIL");
        assertThat(outcome(findings, "okta.session.idle-timeout", "00p3sessionPol00g4")).isEqualTo("FAIL");
        assertThat(outcome(findings, "okta.password-policy.strength", "00p1strongPwd000g4")).isEqualTo("PASS");
        assertThat(outcome(findings, "okta.password-policy.strength", "00p2defaultPwd00g4")).isEqualTo("FAIL");
    }

    /** {@code evidentry demo} itself: it serves the estate, runs the scan above and stops the servers. */
    @Test
    void theDemoCommandScansEverySource() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Path demoBundle = workspace.resolve("demo-command");
        int code;
        try (java.io.PrintStream outStream = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
                java.io.PrintStream errStream = new java.io.PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = DemoScan.run(new String[] {"--output", demoBundle.toString(), "--no-progress"},
                    new EvidentryCli.Environment(outStream, errStream, Distribution.home(), false));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(printed).contains("AWS account " + ACCOUNT).contains("GitHub organisation " + ORG)
                .contains("Okta org at https://localhost:").contains("device fleet's osquery results in ");
        assertThat(Distribution.findings(demoBundle)).hasSameSizeAs(findings);
        assertThat(demoBundle.resolve("sarif")).isDirectoryContaining("glob:**/okta-localhost.sarif");
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
    void everyGithubAndOktaRequestCarriedTheDemoTokenAndMatchedTheEstate() {
        WireMockServer github = estate.servers().get(1);
        WireMockServer okta = estate.servers().get(2);
        assertThat(github.getAllServeEvents()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + DemoEstate.GITHUB_TOKEN);
            assertThat(event.getWasMatched()).as(event.getRequest().getUrl()).isTrue();
        });
        assertThat(okta.getAllServeEvents()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("SSWS " + DemoEstate.OKTA_API_TOKEN);
            assertThat(event.getRequest().getAbsoluteUrl()).startsWith("https://localhost:");
            assertThat(event.getRequest().getHeader("User-Agent")).contains("okta-sdk-java");
            assertThat(event.getWasMatched()).as(event.getRequest().getUrl()).isTrue();
        });
    }

    /** A stub nothing asked for would be a part of the estate the demo silently does not show. */
    @Test
    void everyStubOfTheEstateWasAskedFor() {
        for (WireMockServer server : estate.servers()) {
            Set<UUID> used = server.getAllServeEvents().stream()
                    .filter(ServeEvent::getWasMatched)
                    .map(event -> event.getStubMapping().getId())
                    .collect(Collectors.toSet());
            assertThat(server.getStubMappings())
                    .filteredOn(stub -> !used.contains(stub.getId()))
                    .extracting(StubMapping::getName)
                    .isEmpty();
        }
    }

    @Test
    void theSarifIsValidAndNamesItsCategory() throws IOException {
        for (String account : List.of("aws/" + ACCOUNT, "github/" + ORG, "okta/" + DemoEstate.OKTA_ORG,
                "endpoint/fleet", "endpoint/osquery")) {
            JsonNode sarif = Distribution.JSON.readTree(bundle.resolve("sarif/" + account.replace('/', '-')
                    + ".sarif").toFile());
            Schemas.assertValidSarif(sarif);
            assertThat(sarif.path("runs")).hasSize(1);
            assertThat(sarif.path("runs").get(0).path("automationDetails").path("id").asText())
                    .isEqualTo("evidentry/" + account + "/");
        }
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
        List<String> awsCalls = new java.util.ArrayList<>();
        calls.fieldNames().forEachRemaining(call -> {
            if (call.startsWith("aws:")) {
                awsCalls.add(call);
            }
        });
        assertThat(awsCalls).hasSizeGreaterThan(30);
        awsCalls.forEach(call -> assertThat(allowed).as("IAM action for " + call)
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
    void eachProviderCameFromItsOwnPluginDirectory() throws IOException {
        JsonNode manifest = Distribution.JSON.readTree(bundle.resolve("manifest.json").toFile());
        for (String provider : List.of("aws", "github", "okta", "endpoint")) {
            assertThat(manifest.path("plugins")).anySatisfy(plugin -> {
                assertThat(plugin.path("id").asText()).isEqualTo(provider);
                assertThat(plugin.path("location").asText()).isEqualTo("plugins/" + provider);
            });
        }
        assertThat(Distribution.JSON.convertValue(manifest.path("scope").path("accounts"), List.class))
                .containsExactly("aws:" + ACCOUNT, "endpoint:fleet", "github:" + ORG, "okta:" + DemoEstate.OKTA_ORG);
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
                .doesNotContain(DemoEstate.GITHUB_TOKEN)
                .doesNotContain(DemoEstate.OKTA_API_TOKEN)
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

    private static String region(String region) {
        return ACCOUNT + "/" + region;
    }

    private static String volume(String region, String id) {
        return "arn:aws:ec2:" + region + ":" + ACCOUNT + ":volume/" + id;
    }

    private static String group(String region, String id) {
        return "arn:aws:ec2:" + region + ":" + ACCOUNT + ":security-group/" + id;
    }

    private static String instance(String region, String id) {
        return "arn:aws:ec2:" + region + ":" + ACCOUNT + ":instance/" + id;
    }

    private static String database(String region, String name) {
        return "arn:aws:rds:" + region + ":" + ACCOUNT + ":db:" + name;
    }

    private static String table(String name) {
        return "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + name;
    }

    private static String device(String serial) {
        return "serial/" + serial;
    }

    private static String key(String region, String id) {
        return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + id;
    }
}
