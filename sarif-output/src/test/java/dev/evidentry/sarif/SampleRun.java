package dev.evidentry.sarif;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A fixed AWS run used by the tests and the golden file: its checks, resources, findings and issues. */
final class SampleRun {

    static final String ACCOUNT = "123456789012";
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant END = Instant.parse("2026-11-23T10:04:30.250Z");
    static final SarifTool TOOL = new SarifTool("Evidentry", "0.1.0", "https://github.com/evidentry/evidentry");

    static final CheckDescriptor BUCKET_ENCRYPTION =
            check("aws.s3.bucket-encryption", "S3 buckets encrypt data at rest", Severity.HIGH, "CC6.1", "CC6.7");
    static final CheckDescriptor ROOT_MFA =
            check("aws.iam.root-mfa", "Root account has MFA", Severity.CRITICAL, "CC6.1", "CC6.2");
    static final CheckDescriptor CONSOLE_MFA =
            check("identity.mfa.console-users", "Console users sign in with MFA", Severity.MEDIUM, "CC6.1", "CC6.3");
    static final CheckDescriptor AUDIT_TRAIL =
            check("logging.audit-trail.enabled", "An audit trail records API activity", Severity.LOW, "CC7.2");

    /** Deliberately not sorted by id: the run sorts them. */
    static final List<CheckDescriptor> CHECKS = List.of(CONSOLE_MFA, BUCKET_ENCRYPTION, AUDIT_TRAIL, ROOT_MFA);

    static final ResourceRef LOGS_BUCKET =
            bucket("us-east-1", "acme-logs");
    static final ResourceRef DATA_BUCKET =
            bucket("eu-west-1", "acme-data");
    static final ResourceRef ROOT = ResourceRef.global(
            "aws", ACCOUNT, "aws.iam.root-account", "arn:aws:iam::" + ACCOUNT + ":root", "root");
    static final ResourceRef ALICE = user("alice");
    static final ResourceRef CI_BOT = user("ci-bot");
    static final ResourceRef ODD_USER = user("bob smith/ops:é");
    static final ResourceRef TRAIL = new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.cloudtrail.trail",
            "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/main", "main");

    static final EvidenceId EVIDENCE_A = new EvidenceId("0123456789abcdef".repeat(4));
    static final EvidenceId EVIDENCE_B = new EvidenceId("fedcba9876543210".repeat(4));

    static final Finding LOGS_BUCKET_UNENCRYPTED = new Finding(BUCKET_ENCRYPTION.id(), LOGS_BUCKET, Outcome.FAIL,
            "Bucket acme-logs has no default encryption.", List.of(EVIDENCE_B, EVIDENCE_A));
    static final Finding ROOT_MFA_UNKNOWN = new Finding(ROOT_MFA.id(), ROOT, Outcome.ERROR,
            "iam:GetAccountSummary was denied, so root MFA is unknown.", List.of());
    static final Finding ALICE_HAS_MFA = new Finding(CONSOLE_MFA.id(), ALICE, Outcome.PASS,
            "alice signs in with MFA enforced.", List.of(EVIDENCE_A));
    static final Finding CI_BOT_NOT_INTERACTIVE = new Finding(CONSOLE_MFA.id(), CI_BOT, Outcome.NOT_APPLICABLE,
            "ci-bot has no console password.", List.of(EVIDENCE_A));
    static final Finding ODD_USER_WITHOUT_MFA = new Finding(CONSOLE_MFA.id(), ODD_USER, Outcome.FAIL,
            "bob smith/ops:é signs in to the console without MFA.", List.of(EVIDENCE_A));
    static final Finding TRAIL_SINGLE_REGION = new Finding(AUDIT_TRAIL.id(), TRAIL, Outcome.FAIL,
            "Trail main records one region only.", List.of(EVIDENCE_B));

    static final List<Finding> FINDINGS = List.of(LOGS_BUCKET_UNENCRYPTED, ROOT_MFA_UNKNOWN, ALICE_HAS_MFA,
            CI_BOT_NOT_INTERACTIVE, ODD_USER_WITHOUT_MFA, TRAIL_SINGLE_REGION);

    static final CollectionIssue DATA_BUCKET_DENIED = CollectionIssue.forResource(DATA_BUCKET,
            "s3:GetBucketEncryption", Set.of("aws.s3.bucket-encryption", "datastore.encryption"),
            IssueCause.ACCESS_DENIED, "Access Denied");
    static final CollectionIssue TRAILS_THROTTLED = new CollectionIssue("aws", ACCOUNT, "eu-west-1", null,
            "cloudtrail:DescribeTrails", Set.of("aws.cloudtrail.trail"), IssueCause.THROTTLED, "Rate exceeded");

    private SampleRun() {}

    static SarifRun run(List<CollectionIssue> issues, boolean executionSuccessful) {
        return new SarifRun(TOOL, "evidentry/aws/" + ACCOUNT + "/", CHECKS, issues, executionSuccessful, START, END);
    }

    /** The golden run: both issues, so execution was not successful. */
    static SarifRun run() {
        return run(List.of(TRAILS_THROTTLED, DATA_BUCKET_DENIED), false);
    }

    /** Writes {@code findings} for {@code run} and returns the SARIF text. */
    static String write(SarifRun run, List<Finding> findings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SarifReportWriter writer = new SarifReportWriter(out, run)) {
            for (Finding finding : findings) {
                writer.add(finding);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String write() {
        return write(run(), FINDINGS);
    }

    static CheckDescriptor check(String id, String title, Severity severity, String... criteria) {
        return new CheckDescriptor(id, title, severity, Set.of("test.fact"), List.of(criteria),
                CheckHelp.load(SampleRun.class, id));
    }

    static ResourceRef bucket(String region, String name) {
        return new ResourceRef("aws", ACCOUNT, region, "aws.s3.bucket", "arn:aws:s3:::" + name, name);
    }

    static ResourceRef user(String name) {
        return ResourceRef.global("aws", ACCOUNT, "aws.iam.user", "arn:aws:iam::" + ACCOUNT + ":user/" + name, name);
    }
}
