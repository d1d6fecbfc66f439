package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every trail encrypts its log files with a KMS key, so reading them takes a key permission as well as the bucket. */
public final class CloudTrailKmsEncryptionCheck implements Check {

    public static final String ID = "aws.cloudtrail.kms-encryption";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "CloudTrail trails encrypt their logs with a KMS key", Severity.MEDIUM, Set.of(AwsCloudTrailTrail.KIND),
            List.of("CC6.1", "CC7.2"), CheckHelp.load(CloudTrailKmsEncryptionCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsCloudTrailTrail.class).map(this::judge);
    }

    private Finding judge(AwsCloudTrailTrail trail) {
        String name = "CloudTrail trail " + trail.resource().name();
        return trail.kmsKeyId().isEmpty()
                ? Finding.fail(descriptor, trail, name + " encrypts its log files only with S3-managed keys (SSE-S3):"
                        + " whoever can read the bucket can read them.")
                : Finding.pass(descriptor, trail, name + " encrypts its log files with KMS key " + trail.kmsKeyId()
                        + ".");
    }
}
