package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.CLOCK;
import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.iamUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.checks.ListFacts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.spi.fact.aws.AwsIamUser.AccessKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityPackTest {

    /** Password and key created and last used 89 days before the fixed clock's instant. */
    private static final AwsIamUser USER = new AwsIamUser(iamUser("ann"), "ann", daysAgo(89), true, daysAgo(89), true,
            List.of(new AccessKey(1, true, daysAgo(89), daysAgo(89))), evidence('a'));

    @Test
    void theAgeChecksOfThePackMeasureAgainstTheClockOfTheFacts() {
        IdentityPack pack = new IdentityPack();

        assertThat(ageFindings(pack, CLOCK)).extracting(Finding::outcome)
                .containsExactly(Outcome.PASS, Outcome.PASS);
        assertThat(ageFindings(pack, Clock.offset(CLOCK, Duration.ofDays(2)))).extracting(Finding::outcome)
                .containsExactly(Outcome.FAIL, Outcome.FAIL);
    }

    @Test
    void theServiceLoaderConstructorBuildsEveryIdentityCheck() {
        assertThat(new IdentityPack().checks()).map(check -> check.descriptor().id())
                .containsExactly(MfaInteractiveUsersCheck.ID, RootAccountMfaCheck.ID, RootAccountNoAccessKeysCheck.ID,
                        SingleActiveAccessKeyCheck.ID, AccessKeyRotationCheck.ID, UnusedCredentialsCheck.ID,
                        PasswordPolicyCheck.ID, EntraMfaEnforcedCheck.ID, OktaMfaRequiredCheck.ID,
                        OktaAdminStrongFactorCheck.ID, OktaPasswordPolicyCheck.ID, OktaSessionIdleTimeoutCheck.ID,
                        OktaInactiveUsersCheck.ID, GithubTwoFactorRequiredCheck.ID,
                        GithubDefaultRepositoryPermissionCheck.ID);
    }

    private static List<Finding> ageFindings(IdentityPack pack, Clock clock) {
        Set<String> ageChecks = Set.of(AccessKeyRotationCheck.ID, UnusedCredentialsCheck.ID);
        return pack.checks().stream()
                .filter(check -> ageChecks.contains(check.descriptor().id()))
                .flatMap(check -> check.evaluate(ListFacts.at(clock, USER)))
                .toList();
    }
}
