package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The disk encryption of every EC2 instance, joined region by region from two listings two services already make:
 * each instance's root device (DescribeInstances, which {@link SsmCollector} reads for endpoint protection) and each
 * volume's {@code Encrypted} flag and key (DescribeVolumes, which {@link Ec2Collector} reads for volume encryption).
 * The services run at their own pace, so whichever listing of a region arrives second emits that region's facts. A
 * listing that failed never arrives: nothing is emitted for its region, and its issue, which covers
 * {@link EndpointDiskEncryption#KIND}, makes the check report ERROR there.
 */
final class RootVolumes {

    static final String INSTANCE_STORE = "its root device is an instance store volume, whose encryption EC2 does not "
            + "report";

    private final Scope scope;
    private final FactSink sink;
    private final Map<Region, List<InstanceRoot>> instances = new HashMap<>();
    private final Map<Region, Map<String, VolumeEncryption>> volumes = new HashMap<>();

    RootVolumes(Scope scope, FactSink sink) {
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Every instance of the region that is not terminated, from a complete DescribeInstances listing. */
    void instancesListed(Region region, List<InstanceRoot> listed) {
        Map<String, VolumeEncryption> known;
        synchronized (this) {
            known = volumes.remove(region);
            if (known == null) {
                instances.put(region, List.copyOf(listed));
                return;
            }
        }
        emit(region, listed, known);
    }

    /** Every volume of the region by id, from a complete DescribeVolumes listing. */
    void volumesListed(Region region, Map<String, VolumeEncryption> listed) {
        List<InstanceRoot> known;
        synchronized (this) {
            known = instances.remove(region);
            if (known == null) {
                volumes.put(region, Map.copyOf(listed));
                return;
            }
        }
        emit(region, known, listed);
    }

    private void emit(Region region, List<InstanceRoot> roots, Map<String, VolumeEncryption> byId) {
        for (InstanceRoot root : roots) {
            sink.accept(judge(region, root, byId.get(root.volumeId())));
        }
    }

    private EndpointDiskEncryption judge(Region region, InstanceRoot root, VolumeEncryption volume) {
        ResourceRef ref = scope.instanceRef(region, root.instanceId());
        if ("instance-store".equals(root.rootDeviceType())) {
            return fact(root, ref, DiskEncryptionState.UNKNOWN, "", INSTANCE_STORE, List.of(root.page()));
        }
        if (root.volumeId().isEmpty()) {
            return fact(root, ref, DiskEncryptionState.UNKNOWN, "", "no EBS volume is attached at its root device "
                    + root.rootDeviceName(), List.of(root.page()));
        }
        String where = "root volume " + root.volumeId() + " (" + root.rootDeviceName() + ")";
        if (volume == null) {
            return fact(root, ref, DiskEncryptionState.UNKNOWN, "", where + " is not in the region's DescribeVolumes "
                    + "answer (attached or replaced while the scan ran?)", List.of(root.page()));
        }
        List<EvidenceId> evidence = List.of(root.page(), volume.page());
        if (volume.encrypted() == null) {
            return fact(root, ref, DiskEncryptionState.UNKNOWN, "", where + ": DescribeVolumes gives no Encrypted "
                    + "element", evidence);
        }
        if (!volume.encrypted()) {
            return fact(root, ref, DiskEncryptionState.NOT_ENCRYPTED, "", where + ": Encrypted=false", evidence);
        }
        String method = volume.kmsKeyId().isEmpty() ? "EBS encryption"
                : "EBS encryption (KMS key " + volume.kmsKeyId() + ")";
        return fact(root, ref, DiskEncryptionState.ENCRYPTED, method, where + ": Encrypted=true", evidence);
    }

    private static EndpointDiskEncryption fact(InstanceRoot root, ResourceRef ref,
            DiskEncryptionState state, String method, String detail, List<EvidenceId> evidence) {
        // EC2 does not say when the machine itself last reported: the staleness rule reads SSM's ping instead.
        return new EndpointDiskEncryption(ref, root.hostname(), "", state, method, null, detail, evidence);
    }

    /**
     * An instance's root device as DescribeInstances gives it.
     *
     * @param rootDeviceType {@code ebs} or {@code instance-store}, or empty
     * @param rootDeviceName such as {@code /dev/xvda}
     * @param volumeId the EBS volume its block device mappings attach at the root device, or empty
     */
    record InstanceRoot(String instanceId, String hostname, String rootDeviceType, String rootDeviceName,
            String volumeId, EvidenceId page) {
        InstanceRoot {
            requireNonNull(instanceId, "instanceId is null");
            requireNonNull(hostname, "hostname is null");
            requireNonNull(rootDeviceType, "rootDeviceType is null");
            requireNonNull(rootDeviceName, "rootDeviceName is null");
            requireNonNull(volumeId, "volumeId is null");
            requireNonNull(page, "page is null");
        }
    }

    /**
     * A volume's encryption as DescribeVolumes gives it.
     *
     * @param encrypted its {@code Encrypted} element, or {@code null} when the answer has none
     * @param kmsKeyId its {@code KmsKeyId}, or empty
     */
    record VolumeEncryption(Boolean encrypted, String kmsKeyId, EvidenceId page) {
        VolumeEncryption {
            requireNonNull(kmsKeyId, "kmsKeyId is null");
            requireNonNull(page, "page is null");
        }
    }
}
