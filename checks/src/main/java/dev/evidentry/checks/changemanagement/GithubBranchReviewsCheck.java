package dev.evidentry.checks.changemanagement;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Changes reach a repository's default branch only through a pull request with at least one approving review. */
public final class GithubBranchReviewsCheck implements Check {

    public static final String ID = "github.branch.reviews-required";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Default branch is protected and needs an approving review", Severity.HIGH,
            Set.of(GithubBranchProtection.KIND), List.of("CC8.1"),
            CheckHelp.load(GithubBranchReviewsCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GithubBranchProtection.class).map(this::judge);
    }

    private Finding judge(GithubBranchProtection branch) {
        String where = branch.branch() + " of " + branch.resource().nativeId();
        if (!branch.branchExists()) {
            return Finding.notApplicable(descriptor, branch, branch.resource().nativeId() + " is empty: its default "
                    + "branch " + branch.branch() + " has no commit yet.");
        }
        if (!branch.isProtected()) {
            return Finding.fail(descriptor, branch, "Nothing protects " + where + ": anyone with write access can "
                    + "push to it directly.");
        }
        if (!branch.pullRequestRequired()) {
            return Finding.fail(descriptor, branch, where + " is protected but does not require a pull request.");
        }
        if (branch.requiredApprovingReviews() < 1) {
            return Finding.fail(descriptor, branch, where + " requires a pull request but no approving review.");
        }
        return Finding.pass(descriptor, branch, where + " requires a pull request with "
                + branch.requiredApprovingReviews() + " approving review"
                + (branch.requiredApprovingReviews() == 1 ? "" : "s") + ".");
    }
}
