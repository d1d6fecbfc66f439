package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** All four S3 Block Public Access settings are on for the whole account, covering every bucket, present and future. */
public final class S3AccountPublicAccessBlockCheck implements Check {

    public static final String ID = "aws.s3.account-public-access-block";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "S3 Block Public Access is fully on at account level", Severity.HIGH,
            Set.of(AwsS3AccountPublicAccessBlock.KIND), List.of("CC6.1", "CC6.6"),
            CheckHelp.load(S3AccountPublicAccessBlockCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsS3AccountPublicAccessBlock.class).map(this::judge);
    }

    private Finding judge(AwsS3AccountPublicAccessBlock block) {
        String account = "account " + block.resource().account();
        if (block.settings().blocksEverything()) {
            return Finding.pass(descriptor, block, "S3 Block Public Access is fully on for " + account + ".");
        }
        String off = BlockPublicAccess.offAtEvery(block.settings());
        return block.settings().configured()
                ? Finding.fail(descriptor, block, "S3 Block Public Access for " + account + " leaves off: " + off + ".")
                : Finding.fail(descriptor, block, "There is no S3 Block Public Access configuration for " + account
                        + "; off: " + off + ".");
    }
}
