package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.okta.OktaUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An Okta user who has not signed in for 90 days is suspended or deactivated; one who never signed in counts from
 * creation. Measured against the scan clock ({@link Facts#clock()}).
 */
public final class OktaInactiveUsersCheck implements Check {

    public static final String ID = "okta.user.inactive";
    static final int MAX_IDLE_DAYS = 90;

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Okta users inactive for 90 days are suspended or deactivated", Severity.MEDIUM, Set.of(OktaUser.KIND),
            List.of("CC6.2", "CC6.3"), CheckHelp.load(OktaInactiveUsersCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(OktaUser.class).map(user -> judge(user, now));
    }

    private Finding judge(OktaUser user, Instant now) {
        String who = "Okta user " + user.login();
        if (!user.usable()) {
            return Finding.notApplicable(descriptor, user, who + " is " + user.status() + " and cannot sign in.");
        }
        if (user.lastLogin() == null) {
            long days = CredentialAge.days(user.created(), now);
            return days > MAX_IDLE_DAYS
                    ? Finding.fail(descriptor, user, who + " has never signed in in the " + days + " days since it "
                            + "was created, and is still " + user.status() + ".")
                    : Finding.pass(descriptor, user, who + " was created " + daysAgo(days) + " and has not signed in "
                            + "yet.");
        }
        long days = CredentialAge.days(user.lastLogin(), now);
        return days > MAX_IDLE_DAYS
                ? Finding.fail(descriptor, user, who + " last signed in " + daysAgo(days) + " and is still "
                        + user.status() + ".")
                : Finding.pass(descriptor, user, who + " signed in " + daysAgo(days) + ".");
    }

    /** {@code 1 day ago}, {@code 3 days ago}. */
    private static String daysAgo(long days) {
        return days + (days == 1 ? " day" : " days") + " ago";
    }
}
