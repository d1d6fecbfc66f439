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

/** Every trail writes signed digest files, so a changed or deleted log file can be proven. */
public final class CloudTrailLogFileValidationCheck implements Check {

    public static final String ID = "aws.cloudtrail.log-file-validation";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "CloudTrail trails validate their log files", Severity.LOW, Set.of(AwsCloudTrailTrail.KIND),
            List.of("CC7.2", "CC7.3"), CheckHelp.load(CloudTrailLogFileValidationCheck.class, ID));

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
        return trail.logFileValidation()
                ? Finding.pass(descriptor, trail, name + " writes signed digest files: a changed or deleted log file"
                        + " can be detected.")
                : Finding.fail(descriptor, trail, name + " does not validate its log files: nothing would show that a"
                        + " log file was changed or deleted.");
    }
}
