package dev.evidentry.checks;

import dev.evidentry.spi.ResourceRef;

/** GitHub resources for check tests: the organisation {@value #ORG} and its repositories. */
public final class GithubFixtures {

    public static final String ORG = "octo-org";

    private GithubFixtures() {
    }

    public static ResourceRef organization() {
        return ResourceRef.global("github", ORG, "github.organization", ORG, ORG);
    }

    public static ResourceRef repository(String name) {
        return ResourceRef.global("github", ORG, "github.repository", ORG + "/" + name, name);
    }
}
