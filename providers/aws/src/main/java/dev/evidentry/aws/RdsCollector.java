package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/**
 * RDS in every region in scope: each DB instance's engine, public accessibility and backup retention, and its storage
 * encryption (DescribeDBInstances, then the instance's KMS key through the scan's {@link KmsKeys}).
 */
final class RdsCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(AwsRdsInstance.KIND, DataStoreEncryption.KIND);

    /** DescribeDBInstances allows 20 to 100 records a page. */
    static final int PAGE_SIZE = 100;

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;
    private final KmsKeys keys;

    private final Queue<KeyedInstance> encrypted = new ConcurrentLinkedQueue<>();

    RdsCollector(AwsClients clients, Scope scope, FactSink sink, KmsKeys keys) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.keys = requireNonNull(keys, "keys is null");
    }

    @Override
    public List<Task> firstTasks() {
        return Task.perRegion(scope, "rds:DescribeDBInstances", KINDS, region -> {
            RdsClient rds = clients.rds(region);
            return () -> listInstances(rds, region);
        });
    }

    /** One task per encrypted instance: its key, described once per scan, says whose key it is. */
    @Override
    public List<Task> followUpTasks() {
        return Task.drain(encrypted, instance -> new Task("kms:DescribeKey", instance.ref(),
                Set.of(DataStoreEncryption.KIND), () -> sink.accept(keys.classify(instance.ref(), instance.keyArn(),
                        "StorageEncrypted=true", List.of(instance.page())))));
    }

    private void listInstances(RdsClient rds, Region region) {
        AwsCalls.<DescribeDbInstancesResponse>pages("rds:DescribeDBInstances",
                (marker, override) -> rds.describeDBInstances(b -> b.maxRecords(PAGE_SIZE).marker(marker)
                        .overrideConfiguration(override)),
                DescribeDbInstancesResponse::marker,
                page -> page.value().dbInstances().forEach(instance -> instance(region, instance, page.evidence())));
    }

    private void instance(Region region, DBInstance instance, EvidenceId page) {
        String id = instance.dbInstanceIdentifier();
        if (id == null || id.isBlank()) {
            throw new MalformedResponseException("a DB instance without a DBInstanceIdentifier");
        }
        ResourceRef ref = scope.rdsInstanceRef(region, id, instance.dbInstanceArn());
        if (instance.backupRetentionPeriod() == null) {
            scope.report(sink, ref, Set.of(AwsRdsInstance.KIND), CallException.malformed("rds:DescribeDBInstances",
                    "DB instance " + id + " has no BackupRetentionPeriod", page));
        } else {
            // PubliclyAccessible is left out of the answer when it is false (and by moto, unless set at creation).
            sink.accept(new AwsRdsInstance(ref, instance.engine() == null ? "" : instance.engine(),
                    Boolean.TRUE.equals(instance.publiclyAccessible()), instance.backupRetentionPeriod(),
                    List.of(page)));
        }
        if (instance.storageEncrypted() == null) {
            scope.report(sink, ref, Set.of(DataStoreEncryption.KIND), CallException.malformed(
                    "rds:DescribeDBInstances", "DB instance " + id + " has no StorageEncrypted", page));
        } else if (!instance.storageEncrypted()) {
            sink.accept(new DataStoreEncryption(ref, EncryptionAtRest.NONE, "", "StorageEncrypted=false",
                    List.of(page)));
        } else if (instance.kmsKeyId() == null || instance.kmsKeyId().isBlank()) {
            scope.report(sink, ref, Set.of(DataStoreEncryption.KIND), CallException.malformed(
                    "rds:DescribeDBInstances", "DB instance " + id + " is encrypted but names no KmsKeyId", page));
        } else {
            encrypted.add(new KeyedInstance(ref, keys.keyArn(instance.kmsKeyId(), region), page));
        }
    }

    private record KeyedInstance(ResourceRef ref, String keyArn, EvidenceId page) {}
}
