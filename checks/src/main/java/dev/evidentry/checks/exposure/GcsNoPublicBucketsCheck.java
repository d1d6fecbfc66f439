package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import dev.evidentry.spi.fact.gcp.GcpStorageBucketIamPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** No Cloud Storage bucket's IAM policy grants a role to allUsers or allAuthenticatedUsers. */
public final class GcsNoPublicBucketsCheck implements Check {

    public static final String ID = "gcp.storage.no-public-buckets";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Cloud Storage buckets are not public", Severity.CRITICAL,
            Set.of(GcpStorageBucket.KIND, GcpStorageBucketIamPolicy.KIND), List.of("CC6.1", "CC6.6"),
            CheckHelp.load(GcsNoPublicBucketsCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Map<ResourceRef, GcpStorageBucketIamPolicy> policies = facts.all(GcpStorageBucketIamPolicy.class)
                .collect(Collectors.toMap(GcpStorageBucketIamPolicy::resource, Function.identity(), (a, b) -> a));
        return facts.all(GcpStorageBucket.class).map(bucket -> judge(bucket, policies.get(bucket.resource())));
    }

    private Finding judge(GcpStorageBucket bucket, GcpStorageBucketIamPolicy policy) {
        String name = "Cloud Storage bucket " + bucket.resource().name();
        if (policy == null) {
            return Finding.error(descriptor, bucket, name + ": its IAM policy could not be read, so who can read it"
                    + " is unknown.");
        }
        if (!policy.isPublic()) {
            return Finding.of(descriptor, Outcome.PASS, name + " grants no role to allUsers or "
                    + "allAuthenticatedUsers.", List.of(bucket, policy));
        }
        String grants = String.join(", ", policy.publicBindings());
        if (bucket.publicAccessPrevented()) {
            return Finding.of(descriptor, Outcome.PASS, name + " enforces public access prevention, so its public "
                    + "bindings (" + grants + ") grant nothing; remove them.", List.of(bucket, policy));
        }
        return Finding.of(descriptor, Outcome.FAIL, name + " is public: its IAM policy grants "
                + grants + ".", List.of(bucket, policy));
    }
}
