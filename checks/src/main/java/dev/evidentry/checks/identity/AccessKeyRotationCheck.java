package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Active access keys are rotated at least every 90 days, measured against the scan clock ({@link Facts#clock()}). */
public final class AccessKeyRotationCheck implements Check {

    public static final String ID = "aws.iam.access-key-rotation";
    static final int MAX_AGE_DAYS = 90;

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Active access keys are rotated within 90 days", Severity.MEDIUM, Set.of(AwsIamUser.KIND),
            List.of("CC6.1"), CheckHelp.load(AccessKeyRotationCheck.class, ID));

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
        List<AwsIamUser.AccessKey> active = user.activeAccessKeys();
        if (active.isEmpty()) {
            return Finding.notApplicable(descriptor, user, who + " has no active access key.");
        }
        List<String> stale = active.stream()
                .filter(key -> CredentialAge.days(key.lastRotated(), now) > MAX_AGE_DAYS)
                .map(key -> "access key " + key.slot() + " for " + CredentialAge.days(key.lastRotated(), now) + " days")
                .toList();
        if (!stale.isEmpty()) {
            return Finding.fail(descriptor, user, who + " has not rotated " + String.join(" and ", stale)
                    + " (limit " + MAX_AGE_DAYS + ").");
        }
        long oldest = active.stream().mapToLong(key -> CredentialAge.days(key.lastRotated(), now)).max().orElseThrow();
        return Finding.pass(descriptor, user, who + " rotated every active access key within " + MAX_AGE_DAYS
                + " days; the oldest is " + oldest + " days old.");
    }
}
