package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.GithubFixtures.organization;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.github.GithubOrganization;
import org.junit.jupiter.api.Test;

/**
 * {@link GithubTwoFactorRequiredCheck} and {@link GithubDefaultRepositoryPermissionCheck}, over an organisation's
 * settings. Settings GitHub did not show (not an owner) are no fact at all: the provider's issue makes the engine
 * report ERROR, and the checks say nothing of their own.
 */
class GithubOrganizationChecksTest {

    private static GithubOrganization settings(boolean twoFactor, String permission) {
        return new GithubOrganization(organization(), "octo-org", twoFactor, permission, false, true, evidence('a'));
    }

    @Test
    void twoFactorRequirement() {
        assertThat(evaluate(new GithubTwoFactorRequiredCheck(), settings(true, "read")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Organization octo-org requires two-factor authentication of its members"
                        + " and outside collaborators."));
        assertThat(evaluate(new GithubTwoFactorRequiredCheck(), settings(false, "read")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Organization octo-org does not require two-factor authentication."));
        assertThat(evaluate(new GithubTwoFactorRequiredCheck())).isEmpty();
    }

    @Test
    void basePermission() {
        GithubDefaultRepositoryPermissionCheck check = new GithubDefaultRepositoryPermissionCheck();
        assertThat(evaluate(check, settings(true, "none"))).extracting(Finding::outcome).containsExactly(PASS);
        assertThat(evaluate(check, settings(true, "read"))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Members of octo-org get 'read' on every repository by default; more is"
                        + " granted per team or repository."));
        assertThat(evaluate(check, settings(true, "write"))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Every member of octo-org gets 'write' on every repository of the "
                        + "organization by default."));
        assertThat(evaluate(check, settings(true, "admin"))).extracting(Finding::outcome).containsExactly(FAIL);
        assertThat(evaluate(check, settings(true, "triage"))).extracting(Finding::outcome).containsExactly(ERROR);
        assertThat(evaluate(check)).isEmpty();
    }

    @Test
    void findingsRestOnTheSettingsEvidence() {
        assertThat(evaluate(new GithubTwoFactorRequiredCheck(), settings(false, "read")).get(0).evidence())
                .isEqualTo(evidence('a'));
    }
}
