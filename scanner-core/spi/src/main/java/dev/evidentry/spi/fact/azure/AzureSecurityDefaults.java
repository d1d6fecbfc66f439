package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * Whether Entra ID security defaults are on for a tenant (resource type {@code azure.entra.tenant}), from Graph's
 * {@code /policies/identitySecurityDefaultsEnforcementPolicy}. Security defaults make every user register for MFA and
 * require it of administrators at every sign-in and of other users when Entra ID judges it necessary.
 */
public record AzureSecurityDefaults(ResourceRef resource, boolean enabled, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "azure.entra.security-defaults";

    public AzureSecurityDefaults {
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
