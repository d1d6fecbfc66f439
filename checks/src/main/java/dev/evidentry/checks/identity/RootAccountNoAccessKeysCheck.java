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

/** The AWS root user has no access keys: a leaked root key is unrestricted, MFA-free access to the whole account. */
public final class RootAccountNoAccessKeysCheck implements Check {

    public static final String ID = "aws.iam.root-no-access-keys";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "AWS root user has no access keys", Severity.CRITICAL, Set.of(AwsRootAccount.KIND),
            List.of("CC6.1", "CC6.3"), CheckHelp.load(RootAccountNoAccessKeysCheck.class, ID));

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
        return root.accessKeysPresent()
                ? Finding.fail(descriptor, root, "The root user of account " + account + " has access keys.")
                : Finding.pass(descriptor, root, "The root user of account " + account + " has no access keys.");
    }
}
