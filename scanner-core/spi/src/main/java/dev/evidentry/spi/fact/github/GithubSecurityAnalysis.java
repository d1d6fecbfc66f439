package dev.evidentry.spi.fact.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A repository's {@code security_and_analysis} settings as the organisation's repository list reports them (GitHub
 * shows the block only to repository administrators, organisation owners and security managers).
 *
 * @param secretScanning {@code secret_scanning.status}
 * @param secretScanningPushProtection {@code secret_scanning_push_protection.status}
 * @param dependabotSecurityUpdates {@code dependabot_security_updates.status}
 */
public record GithubSecurityAnalysis(
        ResourceRef resource,
        FeatureStatus secretScanning,
        FeatureStatus secretScanningPushProtection,
        FeatureStatus dependabotSecurityUpdates,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "github.repository.security-analysis";

    public GithubSecurityAnalysis {
        requireNonNull(resource, "resource is null");
        requireNonNull(secretScanning, "secretScanning is null");
        requireNonNull(secretScanningPushProtection, "secretScanningPushProtection is null");
        requireNonNull(dependabotSecurityUpdates, "dependabotSecurityUpdates is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** One feature's state. */
    public enum FeatureStatus {
        ENABLED,
        DISABLED,
        /** The block does not list the feature: GitHub does not offer it for this repository (plan or licence). */
        NOT_AVAILABLE
    }
}
