package dev.evidentry.checks.resilience;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsS3BucketVersioning;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Buckets keep earlier versions of their objects, so an overwrite or delete can be undone. */
public final class S3VersioningCheck implements Check {

    public static final String ID = "aws.s3.versioning";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "S3 buckets have versioning enabled", Severity.MEDIUM, Set.of(AwsS3BucketVersioning.KIND),
            List.of("A1.2"), CheckHelp.load(S3VersioningCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsS3BucketVersioning.class).map(this::judge);
    }

    private Finding judge(AwsS3BucketVersioning versioning) {
        String bucket = "bucket " + versioning.resource().name();
        if (versioning.enabled()) {
            return Finding.pass(descriptor, versioning, "Versioning is enabled on " + bucket
                    + (versioning.mfaDelete() ? ", with MFA delete." : "."));
        }
        return versioning.status().isEmpty()
                ? Finding.fail(descriptor, versioning, "Versioning has never been enabled on " + bucket + ".")
                : Finding.fail(descriptor, versioning, "Versioning is " + versioning.status().toLowerCase(Locale.ROOT)
                        + " on " + bucket + ": new writes overwrite and deletes are final.");
    }
}
