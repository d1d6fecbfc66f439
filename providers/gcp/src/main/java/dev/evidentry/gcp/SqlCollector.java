package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.sqladmin.model.AclEntry;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.InstancesListResponse;
import com.google.api.services.sqladmin.model.IpConfiguration;
import com.google.api.services.sqladmin.model.Settings;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cloud SQL in one project: {@code instances.list} (all pages) gives each instance's backups, public IP and authorised
 * networks, SSL enforcement and disk encryption key.
 */
final class SqlCollector {

    static final Set<String> KINDS = Set.of(GcpSqlInstance.KIND, DataStoreEncryption.KIND);
    static final long PAGE_SIZE = 500;

    private final SQLAdmin sql;
    private final FactSink sink;
    private final Work work;

    SqlCollector(GcpClients clients, FactSink sink, Work work) {
        this.sql = requireNonNull(clients, "clients is null").sql();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
    }

    void start(String project) {
        work.add(Task.onAccount("sql.instances.list", project, KINDS, () -> list(project)));
    }

    private void list(String project) {
        GcpCalls.<InstancesListResponse>pages("sql.instances.list",
                token -> sql.instances().list(project).setMaxResults(PAGE_SIZE).setPageToken(token),
                InstancesListResponse::getNextPageToken,
                page -> {
                    if (page.value().getItems() != null) {
                        page.value().getItems().forEach(instance -> instance(project, instance, page));
                    }
                });
    }

    private void instance(String project, DatabaseInstance instance, Evidenced<InstancesListResponse> page) {
        if (instance.getName() == null || instance.getName().isBlank()) {
            throw CallException.malformed("sql.instances.list", "an instance without a name", page.evidence());
        }
        ResourceRef ref = Resources.sqlInstance(project, instance.getRegion() == null ? "" : instance.getRegion(),
                instance.getName());
        List<EvidenceId> evidence = List.of(page.evidence());
        String key = instance.getDiskEncryptionConfiguration() == null
                || instance.getDiskEncryptionConfiguration().getKmsKeyName() == null ? ""
                : instance.getDiskEncryptionConfiguration().getKmsKeyName();
        sink.accept(key.isEmpty()
                ? new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "", "Google-managed encryption key",
                        evidence)
                : new DataStoreEncryption(ref, EncryptionAtRest.CUSTOMER_KEY, key, "Cloud KMS key (CMEK)", evidence));
        Settings settings = instance.getSettings();
        if (settings == null) {
            // An instance Google lists without settings cannot be judged: say so rather than guess.
            throw CallException.malformed("sql.instances.list", "instance " + instance.getName()
                    + " has no settings", page.evidence());
        }
        boolean backups = settings.getBackupConfiguration() != null
                && Boolean.TRUE.equals(settings.getBackupConfiguration().getEnabled());
        IpConfiguration ip = settings.getIpConfiguration();
        List<String> networks = new ArrayList<>();
        if (ip != null && ip.getAuthorizedNetworks() != null) {
            for (AclEntry entry : ip.getAuthorizedNetworks()) {
                if (entry.getValue() != null) {
                    networks.add(entry.getValue());
                }
            }
        }
        sink.accept(new GcpSqlInstance(ref,
                instance.getDatabaseVersion() == null ? "" : instance.getDatabaseVersion(),
                instance.getInstanceType() == null ? "" : instance.getInstanceType(),
                backups,
                ip != null && Boolean.TRUE.equals(ip.getIpv4Enabled()),
                networks,
                ip != null && Boolean.TRUE.equals(ip.getRequireSsl()),
                ip == null || ip.getSslMode() == null ? "" : ip.getSslMode(),
                evidence));
    }
}
