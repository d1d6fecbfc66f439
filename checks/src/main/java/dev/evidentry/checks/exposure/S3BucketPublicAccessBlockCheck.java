package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Every bucket blocks public access, through its own settings, its account's, or both together. */
public final class S3BucketPublicAccessBlockCheck implements Check {

    public static final String ID = "aws.s3.bucket-public-access-block";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "S3 buckets block public access", Severity.HIGH,
            Set.of(AwsS3BucketPublicAccessBlock.KIND, AwsS3AccountPublicAccessBlock.KIND), List.of("CC6.1", "CC6.6"),
            CheckHelp.load(S3BucketPublicAccessBlockCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Map<String, AwsS3AccountPublicAccessBlock> accounts = BlockPublicAccess.byAccount(facts);
        return facts.all(AwsS3BucketPublicAccessBlock.class)
                .map(bucket -> judge(bucket, accounts.get(bucket.resource().account())));
    }

    private Finding judge(AwsS3BucketPublicAccessBlock bucket, AwsS3AccountPublicAccessBlock account) {
        String name = "Bucket " + bucket.resource().name();
        String accountId = "account " + bucket.resource().account();
        if (bucket.settings().blocksEverything()) {
            return Finding.pass(descriptor, bucket, name + " blocks public access with its own settings.");
        }
        if (account == null) {
            return Finding.error(descriptor, bucket, name + " leaves off " + BlockPublicAccess.offAtEvery(bucket.settings())
                    + " at bucket level, and the account-level settings of " + accountId + " were not collected.");
        }
        List<Fact> both = List.of(bucket, account);
        if (account.settings().blocksEverything()) {
            return Finding.of(descriptor, Outcome.PASS, name + " is protected by the account-level settings of "
                    + accountId + ".", both);
        }
        String off = BlockPublicAccess.offAtEvery(bucket.settings(), account.settings());
        return off.isEmpty()
                ? Finding.of(descriptor, Outcome.PASS, name + " blocks public access through bucket and account settings"
                        + " together (bucket level: " + BlockPublicAccess.onAt(bucket.settings()) + "; account level: "
                        + BlockPublicAccess.onAt(account.settings()) + ").", both)
                : Finding.of(descriptor, Outcome.FAIL, name + " does not block public access: " + off
                        + " off at both bucket and account level.", both);
    }
}
