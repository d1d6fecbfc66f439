package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * Transparent data encryption of one Azure SQL database (resource type {@code azure.sql.database}), from
 * {@code databases/{name}/transparentDataEncryption/current}.
 *
 * @param state {@code Enabled} or {@code Disabled}
 */
public record AzureSqlDatabaseTde(ResourceRef resource, String state, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "azure.sql.database-tde";

    public AzureSqlDatabaseTde {
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
