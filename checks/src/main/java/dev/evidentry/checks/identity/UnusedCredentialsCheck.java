package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A console password or active access key left unused for 90 days is removed; one never used counts from its creation.
 * Idle times are measured against the scan clock ({@link Facts#clock()}).
 */
public final class UnusedCredentialsCheck implements Check {

    public static final String ID = "aws.iam.unused-credentials";
    static final int MAX_IDLE_DAYS = 90;

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "IAM credentials unused for 90 days are removed", Severity.MEDIUM, Set.of(AwsIamUser.KIND),
            List.of("CC6.2", "CC6.3"), CheckHelp.load(UnusedCredentialsCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(AwsIamUser.class).map(user -> judge(user, now));
    }

    private Finding judge(AwsIamUser user, Instant now) {
        String who = "IAM user " + user.userName();
        if (!user.passwordEnabled() && user.activeAccessKeys().isEmpty()) {
            return Finding.notApplicable(descriptor, user, who + " has no console password and no active access key.");
        }
        List<String> idle = new ArrayList<>();
        if (user.passwordEnabled()) {
            idle(idle, "console password", user.passwordLastUsed(), user.createdAt(), now);
        }
        for (AwsIamUser.AccessKey key : user.activeAccessKeys()) {
            idle(idle, "access key " + key.slot(), key.lastUsed(), key.lastRotated(), now);
        }
        return idle.isEmpty()
                ? Finding.pass(descriptor, user, who + " has no credential left unused for more than " + MAX_IDLE_DAYS + " days.")
                : Finding.fail(descriptor, user, who + " has credentials unused for more than " + MAX_IDLE_DAYS
                        + " days: " + String.join("; ", idle) + ".");
    }

    private static void idle(List<String> idle, String credential, Instant lastUsed, Instant created, Instant now) {
        long days = CredentialAge.days(lastUsed != null ? lastUsed : created, now);
        if (days > MAX_IDLE_DAYS) {
            idle.add(lastUsed != null
                    ? credential + " last used " + days + " days ago"
                    : credential + " never used in the " + days + " days since it was created");
        }
    }
}
