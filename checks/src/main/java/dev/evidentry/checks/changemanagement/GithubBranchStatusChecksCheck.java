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

/** Changes reach a repository's default branch only after required status checks (builds, tests) pass. */
public final class GithubBranchStatusChecksCheck implements Check {

    public static final String ID = "github.branch.status-checks-required";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Default branch requires status checks to pass", Severity.MEDIUM,
            Set.of(GithubBranchProtection.KIND), List.of("CC8.1"),
            CheckHelp.load(GithubBranchStatusChecksCheck.class, ID));

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
        if (branch.requiredStatusChecks().isEmpty()) {
            return Finding.fail(descriptor, branch, where + " requires no status check before changes are merged.");
        }
        return Finding.pass(descriptor, branch, where + " requires " + String.join(", ", branch.requiredStatusChecks())
                + " to pass.");
    }
}
