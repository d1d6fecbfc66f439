package dev.evidentry.checks.changemanagement;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.GithubFixtures.repository;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import dev.evidentry.spi.fact.github.GithubBranchProtection.AdminEnforcement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The change-management checks over five default branches: a classic rule that holds everyone, one that lets
 * administrators through with no approvals, rulesets only, nothing at all, and an empty repository. A repository whose
 * protection could not be read has no fact: the engine reports ERROR from the provider's issue.
 */
class GithubBranchChecksTest {

    private static final GithubBranchProtection STRICT = new GithubBranchProtection(repository("api"), "main", true,
            true, List.of(), true, 2, List.of("ci/build", "ci/test"), AdminEnforcement.ENFORCED, true, true,
            evidence('a'));
    private static final GithubBranchProtection LAX = new GithubBranchProtection(repository("docs"), "main", true,
            true, List.of(), true, 0, List.of(), AdminEnforcement.NOT_ENFORCED, false, false, evidence('b'));
    private static final GithubBranchProtection RULESETS = new GithubBranchProtection(repository("web"), "main", true,
            false, List.of(7L, 42L), true, 1, List.of("ci/build"), AdminEnforcement.RULESET_BYPASS_NOT_VISIBLE, true,
            true, evidence('c'));
    private static final GithubBranchProtection OPEN = new GithubBranchProtection(repository("wiki"), "trunk", true,
            false, List.of(), false, 0, List.of(), AdminEnforcement.UNPROTECTED, false, false, evidence('d'));
    private static final GithubBranchProtection EMPTY = new GithubBranchProtection(repository("new"), "main", false,
            false, List.of(), false, 0, List.of(), AdminEnforcement.UNPROTECTED, false, false, evidence('e'));

    private static List<Outcome> outcomes(Check check) {
        return evaluate(check, STRICT, LAX, RULESETS, OPEN, EMPTY).stream().map(Finding::outcome).toList();
    }

    @Test
    void reviewsRequired() {
        // Findings come in resource order: api, docs, new, web, wiki.
        assertThat(evaluate(new GithubBranchReviewsCheck(), STRICT, LAX, RULESETS, OPEN, EMPTY))
                .extracting(finding -> finding.resource().name(), Finding::outcome, Finding::message)
                .containsExactly(
                        tuple("api", PASS, "main of octo-org/api requires a pull request with 2 approving reviews."),
                        tuple("docs", FAIL, "main of octo-org/docs requires a pull request but no approving review."),
                        tuple("new", NOT_APPLICABLE, "octo-org/new is empty: its default branch main has no commit yet."),
                        tuple("web", PASS, "main of octo-org/web requires a pull request with 1 approving review."),
                        tuple("wiki", FAIL, "Nothing protects trunk of octo-org/wiki: anyone with write access can push"
                                + " to it directly."));
    }

    @Test
    void statusChecksRequired() {
        assertThat(outcomes(new GithubBranchStatusChecksCheck())).containsExactly(PASS, FAIL, NOT_APPLICABLE, PASS,
                FAIL);
        assertThat(evaluate(new GithubBranchStatusChecksCheck(), STRICT)).extracting(Finding::message)
                .containsExactly("main of octo-org/api requires ci/build, ci/test to pass.");
    }

    @Test
    void adminsEnforced() {
        assertThat(evaluate(new GithubBranchAdminsEnforcedCheck(), STRICT, LAX, RULESETS, OPEN, EMPTY))
                .extracting(Finding::outcome)
                .containsExactly(PASS, FAIL, NOT_APPLICABLE, ERROR, FAIL);
        assertThat(evaluate(new GithubBranchAdminsEnforcedCheck(), RULESETS)).extracting(Finding::message)
                .singleElement().asString().contains("rulesets [7, 42]").contains("bypass actors");
    }

    @Test
    void forcePushAndDeletionBlocked() {
        assertThat(outcomes(new GithubBranchForcePushBlockedCheck())).containsExactly(PASS, FAIL, NOT_APPLICABLE,
                PASS, FAIL);
        assertThat(outcomes(new GithubBranchDeletionBlockedCheck())).containsExactly(PASS, FAIL, NOT_APPLICABLE,
                PASS, FAIL);
        assertThat(evaluate(new GithubBranchForcePushBlockedCheck(), LAX)).extracting(Finding::message)
                .containsExactly("Force pushes to main of octo-org/docs are allowed: its history can be rewritten.");
    }

    @Test
    void sayNothingWithoutFactsSoTheEngineReportsErrorFromTheIssue() {
        for (Check check : new ChangeManagementPack().checks()) {
            assertThat(evaluate(check)).as(check.descriptor().id()).isEmpty();
        }
    }
}
