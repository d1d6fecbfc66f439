package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The AWS root user, which no policy can restrict, needs a second factor. */
public final class RootAccountMfaCheck implements Check {

    public static final String ID = "aws.iam.root-mfa";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "AWS root user has MFA", Severity.CRITICAL, Set.of(AwsRootAccount.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(RootAccountMfaCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsRootAccount.class).map(this::judge);
    }

    private Finding judge(AwsRootAccount root) {
        String account = root.resource().account();
        return root.mfaEnabled()
                ? Finding.pass(descriptor, root, "The root user of account " + account + " has MFA enabled.")
                : Finding.fail(descriptor, root, "The root user of account " + account + " has no MFA device.");
    }
}
