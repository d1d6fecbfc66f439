package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.compute.Compute;
import com.google.api.services.compute.model.CustomerEncryptionKey;
import com.google.api.services.compute.model.Disk;
import com.google.api.services.compute.model.DiskAggregatedList;
import com.google.api.services.compute.model.DisksScopedList;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compute Engine persistent disks in one project, zonal and regional, with one {@code disks.aggregatedList} listing
 * (all pages): a disk with {@code diskEncryptionKey.kmsKeyName} is encrypted with a Cloud KMS key, one with only
 * {@code diskEncryptionKey.sha256} with a customer-supplied key, any other with a Google-managed key.
 */
final class DiskCollector {

    static final Set<String> KINDS = Set.of(DataStoreEncryption.KIND);
    static final long PAGE_SIZE = 500;

    private final Compute compute;
    private final FactSink sink;
    private final Work work;

    DiskCollector(GcpClients clients, FactSink sink, Work work) {
        this.compute = requireNonNull(clients, "clients is null").compute();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
    }

    void start(String project) {
        work.add(Task.onAccount("compute.disks.aggregatedList", project, KINDS, () -> list(project)));
    }

    private void list(String project) {
        GcpCalls.<DiskAggregatedList>pages("compute.disks.aggregatedList",
                token -> compute.disks().aggregatedList(project).setMaxResults(PAGE_SIZE).setPageToken(token),
                DiskAggregatedList::getNextPageToken,
                page -> page(project, page));
    }

    private void page(String project, Evidenced<DiskAggregatedList> page) {
        Map<String, DisksScopedList> items = page.value().getItems();
        if (items != null) {
            for (Map.Entry<String, DisksScopedList> scope : items.entrySet()) {
                List<Disk> disks = scope.getValue() == null ? null : scope.getValue().getDisks();
                if (disks != null) {
                    String where = Resources.lastSegment(scope.getKey());
                    disks.forEach(disk -> disk(project, where, disk, page));
                }
            }
        }
        List<String> unreachable = page.value().getUnreachables();
        if (unreachable != null && !unreachable.isEmpty()) {
            sink.issue(new CollectionIssue(GcpProvider.ID, project, "", null, "compute.disks.aggregatedList", KINDS,
                    IssueCause.SERVER_ERROR, "Compute Engine could not reach " + String.join(", ", unreachable)
                            + ": their disks are missing (evidence " + page.evidence() + ")"));
        }
    }

    private void disk(String project, String scope, Disk disk, Evidenced<DiskAggregatedList> page) {
        if (disk.getName() == null || disk.getName().isBlank()) {
            throw CallException.malformed("compute.disks.aggregatedList", "a disk without a name", page.evidence());
        }
        String where = disk.getZone() != null ? Resources.lastSegment(disk.getZone())
                : disk.getRegion() != null ? Resources.lastSegment(disk.getRegion()) : scope;
        ResourceRef ref = disk.getZone() == null && disk.getRegion() != null
                ? new ResourceRef(GcpProvider.ID, project, where, Resources.DISK, "//compute.googleapis.com/projects/"
                        + project + "/regions/" + where + "/disks/" + disk.getName(), disk.getName())
                : Resources.disk(project, where, disk.getName());
        CustomerEncryptionKey key = disk.getDiskEncryptionKey();
        List<dev.evidentry.spi.EvidenceId> evidence = List.of(page.evidence());
        if (key != null && key.getKmsKeyName() != null && !key.getKmsKeyName().isBlank()) {
            sink.accept(new DataStoreEncryption(ref, EncryptionAtRest.CUSTOMER_KEY, key.getKmsKeyName(),
                    "Cloud KMS key (CMEK)", evidence));
        } else if (key != null && key.getSha256() != null && !key.getSha256().isBlank()) {
            sink.accept(new DataStoreEncryption(ref, EncryptionAtRest.CUSTOMER_KEY, "",
                    "customer-supplied encryption key (CSEK)", evidence));
        } else {
            sink.accept(new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "",
                    "Google-managed encryption key", evidence));
        }
    }
}
