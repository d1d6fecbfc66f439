package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every Cloud Storage bucket uses uniform bucket-level access: IAM alone decides, no object ACLs. */
public final class GcsUniformBucketLevelAccessCheck implements Check {

    public static final String ID = "gcp.storage.uniform-bucket-level-access";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Cloud Storage buckets use uniform bucket-level access", Severity.MEDIUM, Set.of(GcpStorageBucket.KIND),
            List.of("CC6.1", "CC6.3"), CheckHelp.load(GcsUniformBucketLevelAccessCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GcpStorageBucket.class).map(this::judge);
    }

    private Finding judge(GcpStorageBucket bucket) {
        String name = "Cloud Storage bucket " + bucket.resource().name();
        return bucket.uniformBucketLevelAccess()
                ? Finding.pass(descriptor, bucket, name + " uses uniform bucket-level access.")
                : Finding.fail(descriptor, bucket, name + " uses fine-grained access: object ACLs can grant access "
                        + "that its IAM policy does not show.");
    }
}
