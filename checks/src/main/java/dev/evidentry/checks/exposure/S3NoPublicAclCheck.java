package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketAcl;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** No bucket ACL grants access to everyone, unless IgnorePublicAcls (bucket or account level) makes S3 disregard it. */
public final class S3NoPublicAclCheck implements Check {

    public static final String ID = "aws.s3.no-public-acl";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "S3 bucket ACLs grant no public access", Severity.CRITICAL,
            Set.of(AwsS3BucketAcl.KIND, AwsS3BucketPublicAccessBlock.KIND, AwsS3AccountPublicAccessBlock.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(S3NoPublicAclCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Map<String, AwsS3AccountPublicAccessBlock> accounts = BlockPublicAccess.byAccount(facts);
        Map<ResourceRef, AwsS3BucketPublicAccessBlock> buckets = facts.all(AwsS3BucketPublicAccessBlock.class)
                .collect(Collectors.toMap(Fact::resource, block -> block, (first, second) -> first));
        return facts.all(AwsS3BucketAcl.class)
                .map(acl -> judge(acl, buckets.get(acl.resource()), accounts.get(acl.resource().account())));
    }

    private Finding judge(AwsS3BucketAcl acl, AwsS3BucketPublicAccessBlock bucket, AwsS3AccountPublicAccessBlock account) {
        String name = "The ACL of bucket " + acl.resource().name();
        if (acl.publicGrants().isEmpty()) {
            return Finding.pass(descriptor, acl, name + " grants nothing to AllUsers or AuthenticatedUsers.");
        }
        String grants = name + " grants " + String.join(", ", acl.publicGrants());
        List<Fact> neutralisers = new ArrayList<>(List.of(acl));
        List<String> levels = new ArrayList<>();
        if (bucket != null && bucket.settings().ignorePublicAcls()) {
            neutralisers.add(bucket);
            levels.add("bucket");
        }
        if (account != null && account.settings().ignorePublicAcls()) {
            neutralisers.add(account);
            levels.add("account");
        }
        if (!levels.isEmpty()) {
            return Finding.of(descriptor, Outcome.PASS, grants + ", but S3 ignores it: IgnorePublicAcls is on at "
                    + String.join(" and ", levels) + " level.", neutralisers);
        }
        if (bucket == null || account == null) {
            String missing = bucket == null && account == null ? "bucket- and account" : bucket == null ? "bucket" : "account";
            return Finding.error(descriptor, acl, grants + ", and whether IgnorePublicAcls neutralises it could not be"
                    + " read: the " + missing + "-level settings were not collected.");
        }
        return Finding.of(descriptor, Outcome.FAIL, grants + ", and IgnorePublicAcls is off at bucket and account level.",
                List.of(acl, bucket, account));
    }
}
