package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.github.GithubOrganization;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every member of a GitHub organisation gets at most read access to every repository by default. */
public final class GithubDefaultRepositoryPermissionCheck implements Check {

    public static final String ID = "github.org.default-repository-permission";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "GitHub organization base permission is read or none", Severity.MEDIUM,
            Set.of(GithubOrganization.KIND), List.of("CC6.1", "CC6.3"),
            CheckHelp.load(GithubDefaultRepositoryPermissionCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GithubOrganization.class).map(this::judge);
    }

    private Finding judge(GithubOrganization organization) {
        String org = organization.login();
        String permission = organization.defaultRepositoryPermission();
        return switch (permission) {
            case "none", "read" -> Finding.pass(descriptor, organization, "Members of " + org + " get '" + permission
                    + "' on every repository by default; more is granted per team or repository.");
            case "write", "admin" -> Finding.fail(descriptor, organization, "Every member of " + org + " gets '"
                    + permission + "' on every repository of the organization by default.");
            default -> Finding.error(descriptor, organization, "GitHub reported an unknown base permission '"
                    + permission + "' for " + org + ".");
        };
    }
}
