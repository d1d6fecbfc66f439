package dev.evidentry.spi.fact.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A Cloud SQL instance's exposure, transport security and backups, from {@code instances.list} (resource type
 * {@code gcp.sql.instance}). Its storage encryption is a separate {@link dev.evidentry.spi.fact.DataStoreEncryption}.
 *
 * @param databaseVersion such as {@code POSTGRES_16} or {@code MYSQL_8_0}
 * @param instanceType {@code CLOUD_SQL_INSTANCE}, {@code READ_REPLICA_INSTANCE} (which cannot have backups of its
 *     own) or {@code ON_PREMISES_INSTANCE}; empty when Google does not say
 * @param backupEnabled {@code settings.backupConfiguration.enabled}: automated daily backups
 * @param ipv4Enabled {@code settings.ipConfiguration.ipv4Enabled}: the instance has a public IP address
 * @param authorizedNetworks {@code settings.ipConfiguration.authorizedNetworks[].value}, the CIDR ranges allowed to
 *     reach the public IP
 * @param requireSsl {@code settings.ipConfiguration.requireSsl} (the older setting)
 * @param sslMode {@code settings.ipConfiguration.sslMode}, such as {@code ENCRYPTED_ONLY}, or empty when not set
 */
public record GcpSqlInstance(
        ResourceRef resource,
        String databaseVersion,
        String instanceType,
        boolean backupEnabled,
        boolean ipv4Enabled,
        List<String> authorizedNetworks,
        boolean requireSsl,
        String sslMode,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "gcp.sql.instance";

    /** Networks that mean "anyone on the internet". */
    public static final List<String> INTERNET = List.of("0.0.0.0/0", "::/0");

    public GcpSqlInstance {
        requireNonNull(resource, "resource is null");
        requireNonNull(databaseVersion, "databaseVersion is null");
        requireNonNull(instanceType, "instanceType is null");
        authorizedNetworks = List.copyOf(requireNonNull(authorizedNetworks, "authorizedNetworks is null"));
        requireNonNull(sslMode, "sslMode is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether the instance is a read replica, whose backups are its primary's. */
    public boolean readReplica() {
        return instanceType.equals("READ_REPLICA_INSTANCE");
    }

    /** Whether the public IP accepts connections from any address: a public IP with 0.0.0.0/0 (or ::/0) allowed. */
    public boolean openToInternet() {
        return ipv4Enabled && authorizedNetworks.stream().anyMatch(INTERNET::contains);
    }

    /** Whether connections must be encrypted: {@code requireSsl}, or an SSL mode other than allowing plain text. */
    public boolean sslEnforced() {
        return requireSsl || sslMode.equals("ENCRYPTED_ONLY") || sslMode.equals("TRUSTED_CLIENT_CERTIFICATE_REQUIRED");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
