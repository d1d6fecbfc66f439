package dev.evidentry.spi.fact.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Set;

/**
 * The effective audit log configuration of a project (resource type {@code gcp.project}): its own IAM policy merged
 * with those of every folder above it and of the organisation, giving which log types are on for {@code allServices}.
 * Admin Activity logs are always on and cannot be configured; Data Access logs ({@code DATA_READ},
 * {@code DATA_WRITE}) are off unless configured at one of those levels.
 *
 * @param allServicesLogTypes the {@code logType}s configured for {@code allServices}: {@code ADMIN_READ},
 *     {@code DATA_READ}, {@code DATA_WRITE}
 * @param exemptedMembers principals exempted from those logs, as {@code LOG_TYPE MEMBER}, sorted
 */
public record GcpProjectAuditLogging(ResourceRef resource, Set<String> allServicesLogTypes,
        List<String> exemptedMembers, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "gcp.project.audit-logging";

    public GcpProjectAuditLogging {
        requireNonNull(resource, "resource is null");
        allServicesLogTypes = Set.copyOf(requireNonNull(allServicesLogTypes, "allServicesLogTypes is null"));
        exemptedMembers = List.copyOf(requireNonNull(exemptedMembers, "exemptedMembers is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether Data Access logs, reads and writes, are on for every service. */
    public boolean dataAccessLogged() {
        return allServicesLogTypes.contains("DATA_READ") && allServicesLogTypes.contains("DATA_WRITE");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
