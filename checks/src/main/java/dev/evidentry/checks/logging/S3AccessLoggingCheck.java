package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsS3BucketLogging;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Buckets record every request made to them in server access logs. */
public final class S3AccessLoggingCheck implements Check {

    public static final String ID = "aws.s3.access-logging";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "S3 buckets have server access logging enabled", Severity.MEDIUM, Set.of(AwsS3BucketLogging.KIND),
            List.of("CC7.2"), CheckHelp.load(S3AccessLoggingCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsS3BucketLogging.class).map(this::judge);
    }

    private Finding judge(AwsS3BucketLogging logging) {
        String bucket = "Bucket " + logging.resource().name();
        return logging.enabled()
                ? Finding.pass(descriptor, logging, bucket + " delivers server access logs to bucket " + logging.targetBucket() + ".")
                : Finding.fail(descriptor, logging, bucket + " has server access logging turned off.");
    }
}
