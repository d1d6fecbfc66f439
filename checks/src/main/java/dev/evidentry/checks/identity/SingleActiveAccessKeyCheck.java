package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** An IAM user holds at most one active access key: the second slot is for rotation, not for keeping two alive. */
public final class SingleActiveAccessKeyCheck implements Check {

    public static final String ID = "aws.iam.single-active-access-key";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "IAM users have at most one active access key", Severity.LOW, Set.of(AwsIamUser.KIND),
            List.of("CC6.1"), CheckHelp.load(SingleActiveAccessKeyCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsIamUser.class).map(this::judge);
    }

    private Finding judge(AwsIamUser user) {
        List<AwsIamUser.AccessKey> active = user.activeAccessKeys();
        String who = "IAM user " + user.userName();
        return switch (active.size()) {
            case 0 -> Finding.pass(descriptor, user, who + " has no active access key.");
            case 1 -> Finding.pass(descriptor, user, who + " has one active access key.");
            default -> Finding.fail(descriptor, user, who + " has " + active.size() + " active access keys (slots "
                    + active.stream().map(key -> String.valueOf(key.slot())).collect(Collectors.joining(" and ")) + ").");
        };
    }
}
