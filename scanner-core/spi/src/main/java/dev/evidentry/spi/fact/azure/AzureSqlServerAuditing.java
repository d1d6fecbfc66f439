package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * The server-level auditing policy of an Azure SQL logical server (resource type {@code azure.sql.server}), from
 * {@code servers/{name}/auditingSettings/default}. Server auditing covers every database on the server.
 *
 * @param state {@code Enabled} or {@code Disabled}
 * @param retentionDays days audit logs are kept in a storage account; 0 means for ever (or no storage destination)
 * @param azureMonitorTarget whether audit logs also go to Azure Monitor (Log Analytics, Event Hubs)
 */
public record AzureSqlServerAuditing(
        ResourceRef resource, String state, int retentionDays, boolean azureMonitorTarget, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "azure.sql.server-auditing";

    public AzureSqlServerAuditing {
        requireNonNull(resource, "resource is null");
        requireNonNull(state, "state is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean enabled() {
        return state.equalsIgnoreCase("Enabled");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
