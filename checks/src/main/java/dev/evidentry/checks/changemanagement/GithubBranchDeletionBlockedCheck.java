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

/** Nobody can delete a repository's default branch. */
public final class GithubBranchDeletionBlockedCheck implements Check {

    public static final String ID = "github.branch.deletion-blocked";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "The default branch cannot be deleted", Severity.MEDIUM,
            Set.of(GithubBranchProtection.KIND), List.of("CC8.1"),
            CheckHelp.load(GithubBranchDeletionBlockedCheck.class, ID));

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
        return branch.deletionsBlocked()
                ? Finding.pass(descriptor, branch, where + " cannot be deleted.")
                : Finding.fail(descriptor, branch, where + " can be deleted by anyone with push access.");
    }
}
