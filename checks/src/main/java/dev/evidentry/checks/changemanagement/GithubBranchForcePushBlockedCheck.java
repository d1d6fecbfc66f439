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

/** Nobody can force-push to (rewrite the history of) a repository's default branch. */
public final class GithubBranchForcePushBlockedCheck implements Check {

    public static final String ID = "github.branch.force-push-blocked";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Force pushes to the default branch are blocked", Severity.HIGH,
            Set.of(GithubBranchProtection.KIND), List.of("CC8.1"),
            CheckHelp.load(GithubBranchForcePushBlockedCheck.class, ID));

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
        return branch.forcePushesBlocked()
                ? Finding.pass(descriptor, branch, "Force pushes to " + where + " are blocked.")
                : Finding.fail(descriptor, branch, "Force pushes to " + where + " are allowed: its history can be "
                        + "rewritten.");
    }
}
