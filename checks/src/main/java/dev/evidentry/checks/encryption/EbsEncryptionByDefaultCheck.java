package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsEbsEncryptionByDefault;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every region encrypts new EBS volumes and snapshot copies by default, so nobody can forget to. */
public final class EbsEncryptionByDefaultCheck implements Check {

    public static final String ID = "aws.ec2.ebs-encryption-by-default";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "EBS encryption by default is on in every region", Severity.MEDIUM, Set.of(AwsEbsEncryptionByDefault.KIND),
            List.of("CC6.1", "C1.1"), CheckHelp.load(EbsEncryptionByDefaultCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsEbsEncryptionByDefault.class).map(this::judge);
    }

    private Finding judge(AwsEbsEncryptionByDefault region) {
        String where = "region " + region.resource().region() + " of account " + region.resource().account();
        return region.enabled()
                ? Finding.pass(descriptor, region, "EBS encryption by default is on in " + where + ".")
                : Finding.fail(descriptor, region, "EBS encryption by default is off in " + where
                        + ": new volumes there are unencrypted unless someone asks for encryption.");
    }
}
