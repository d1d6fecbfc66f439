package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Microsoft Defender for Cloud's plans on one subscription (resource type {@code azure.subscription}), from
 * {@code Microsoft.Security/pricings}.
 *
 * @param tiers pricing tier by plan name ({@code VirtualMachines}, {@code StorageAccounts}, {@code SqlServers}, ...):
 *     {@code Free} or {@code Standard}
 */
public record AzureDefenderPlans(ResourceRef resource, Map<String, String> tiers, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "azure.defender.plans";

    public AzureDefenderPlans {
        requireNonNull(resource, "resource is null");
        tiers = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(tiers, "tiers is null")));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** The plan's tier, or empty when the subscription has no such plan. */
    public Optional<String> tier(String plan) {
        return Optional.ofNullable(tiers.get(plan));
    }

    public boolean standard(String plan) {
        return tier(plan).map(tier -> tier.equalsIgnoreCase("Standard")).orElse(false);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
