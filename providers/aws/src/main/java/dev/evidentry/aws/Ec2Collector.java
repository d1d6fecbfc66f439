package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.aws.RootVolumes.VolumeEncryption;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.aws.AwsEbsEncryptionByDefault;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * EC2 in every region in scope: EBS volumes and their encryption (DescribeVolumes, then the volume's KMS key through
 * the scan's {@link KmsKeys}), whether new volumes are encrypted by default (GetEbsEncryptionByDefault), and every
 * security group's ingress open to the internet (DescribeSecurityGroups). Instances are read by
 * {@link SsmCollector}, which needs them for endpoint protection; the volumes listed here also tell
 * {@link RootVolumes} whether each instance's root volume is encrypted.
 */
final class Ec2Collector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(DataStoreEncryption.KIND, AwsEbsEncryptionByDefault.KIND,
            AwsSecurityGroup.KIND, EndpointDiskEncryption.KIND);

    /** What a failed volume listing costs: the volumes' encryption and that of the instances' root volumes. */
    static final Set<String> VOLUME_KINDS = Set.of(DataStoreEncryption.KIND, EndpointDiskEncryption.KIND);

    /** Page sizes: the most each call allows. */
    static final int VOLUME_PAGE = 500;
    static final int GROUP_PAGE = 1000;

    static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;
    private final KmsKeys keys;
    private final RootVolumes rootVolumes;

    /** Encrypted volumes whose key is still to be classified, filled by the first phase. */
    private final Queue<KeyedVolume> encrypted = new ConcurrentLinkedQueue<>();

    Ec2Collector(AwsClients clients, Scope scope, FactSink sink, KmsKeys keys, RootVolumes rootVolumes) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.rootVolumes = requireNonNull(rootVolumes, "rootVolumes is null");
    }

    @Override
    public List<Task> firstTasks() {
        List<Task> tasks = new ArrayList<>();
        for (Region region : scope.regions()) {
            ResourceRef regionRef = scope.regionRef(region);
            Ec2Client ec2 = clients.ec2(region);
            tasks.add(new Task("ec2:DescribeVolumes", regionRef, VOLUME_KINDS,
                    () -> listVolumes(ec2, region)));
            tasks.add(new Task("ec2:GetEbsEncryptionByDefault", regionRef, Set.of(AwsEbsEncryptionByDefault.KIND),
                    () -> collectEncryptionByDefault(ec2, regionRef)));
            tasks.add(new Task("ec2:DescribeSecurityGroups", regionRef, Set.of(AwsSecurityGroup.KIND),
                    () -> listSecurityGroups(ec2, region)));
        }
        return tasks;
    }

    /** One task per encrypted volume: its key, described once per scan, says whose key it is. */
    @Override
    public List<Task> followUpTasks() {
        return Task.drain(encrypted, volume -> new Task("kms:DescribeKey", volume.ref(),
                Set.of(DataStoreEncryption.KIND), () -> sink.accept(keys.classify(volume.ref(), volume.keyArn(),
                        "Encrypted=true", List.of(volume.page())))));
    }

    private void listVolumes(Ec2Client ec2, Region region) {
        Map<String, VolumeEncryption> listed = new HashMap<>();
        AwsCalls.<DescribeVolumesResponse>pages("ec2:DescribeVolumes",
                (token, override) -> ec2.describeVolumes(b -> b.maxResults(VOLUME_PAGE).nextToken(token)
                        .overrideConfiguration(override)),
                DescribeVolumesResponse::nextToken,
                page -> page.value().volumes().forEach(volume -> {
                    volume(region, volume, page.evidence());
                    listed.put(volume.volumeId(), new VolumeEncryption(volume.encrypted(),
                            volume.kmsKeyId() == null ? "" : volume.kmsKeyId(), page.evidence()));
                }));
        rootVolumes.volumesListed(region, listed);
    }

    private void volume(Region region, Volume volume, EvidenceId page) {
        if (volume.volumeId() == null || volume.volumeId().isBlank()) {
            throw new MalformedResponseException("a volume without a VolumeId");
        }
        ResourceRef ref = scope.volumeRef(region, volume.volumeId());
        if (volume.encrypted() == null) {
            scope.report(sink, ref, Set.of(DataStoreEncryption.KIND), CallException.malformed(
                    "ec2:DescribeVolumes", "volume " + volume.volumeId() + " has no Encrypted element", page));
        } else if (!volume.encrypted()) {
            sink.accept(new DataStoreEncryption(ref, EncryptionAtRest.NONE, "", "Encrypted=false", List.of(page)));
        } else if (volume.kmsKeyId() == null || volume.kmsKeyId().isBlank()) {
            scope.report(sink, ref, Set.of(DataStoreEncryption.KIND), CallException.malformed(
                    "ec2:DescribeVolumes", "volume " + volume.volumeId() + " is encrypted but names no KmsKeyId",
                    page));
        } else {
            encrypted.add(new KeyedVolume(ref, keys.keyArn(volume.kmsKeyId(), region), page));
        }
    }

    private void collectEncryptionByDefault(Ec2Client ec2, ResourceRef regionRef) {
        Evidenced<GetEbsEncryptionByDefaultResponse> answer = AwsCalls.call("ec2:GetEbsEncryptionByDefault",
                override -> ec2.getEbsEncryptionByDefault(b -> b.overrideConfiguration(override)));
        Boolean enabled = answer.value().ebsEncryptionByDefault();
        if (enabled == null) {
            throw CallException.malformed("ec2:GetEbsEncryptionByDefault", "the answer has no "
                    + "ebsEncryptionByDefault", answer.evidence());
        }
        sink.accept(new AwsEbsEncryptionByDefault(regionRef, enabled, answer.evidenceList()));
    }

    private void listSecurityGroups(Ec2Client ec2, Region region) {
        AwsCalls.<DescribeSecurityGroupsResponse>pages("ec2:DescribeSecurityGroups",
                (token, override) -> ec2.describeSecurityGroups(b -> b.maxResults(GROUP_PAGE).nextToken(token)
                        .overrideConfiguration(override)),
                DescribeSecurityGroupsResponse::nextToken,
                page -> page.value().securityGroups().forEach(group -> securityGroup(region, group, page.evidence())));
    }

    private void securityGroup(Region region, SecurityGroup group, EvidenceId page) {
        if (group.groupId() == null || group.groupId().isBlank()) {
            throw new MalformedResponseException("a security group without a GroupId");
        }
        ResourceRef ref = scope.securityGroupRef(region, group.groupId());
        List<WorldIngress> open;
        try {
            open = worldIngress(group.ipPermissions());
        } catch (MalformedResponseException e) {
            scope.report(sink, ref, Set.of(AwsSecurityGroup.KIND), CallException.malformed(
                    "ec2:DescribeSecurityGroups", "security group " + group.groupId() + ": " + e.getMessage(), page));
            return;
        }
        sink.accept(new AwsSecurityGroup(ref, group.groupName() == null ? "" : group.groupName(),
                group.vpcId() == null ? "" : group.vpcId(), open, List.of(page)));
    }

    /**
     * Every ingress rule admitting 0.0.0.0/0 or ::/0, one per rule and source: the protocol as EC2 gives it ({@code -1}
     * for all traffic), ports {@code -1} where the rule has none.
     *
     * @throws MalformedResponseException for a rule without a protocol
     */
    static List<WorldIngress> worldIngress(List<IpPermission> permissions) {
        List<WorldIngress> open = new ArrayList<>();
        for (IpPermission permission : permissions) {
            if (permission.ipProtocol() == null || permission.ipProtocol().isBlank()) {
                throw new MalformedResponseException("an ingress rule without an IpProtocol");
            }
            String protocol = permission.ipProtocol();
            int from = permission.fromPort() == null ? -1 : permission.fromPort();
            int to = permission.toPort() == null ? -1 : permission.toPort();
            for (IpRange range : permission.ipRanges()) {
                if (WORLD.contains(range.cidrIp())) {
                    open.add(new WorldIngress(protocol, from, to, range.cidrIp()));
                }
            }
            for (Ipv6Range range : permission.ipv6Ranges()) {
                if (WORLD.contains(range.cidrIpv6())) {
                    open.add(new WorldIngress(protocol, from, to, range.cidrIpv6()));
                }
            }
        }
        return List.copyOf(open);
    }

    /** An encrypted volume, the ARN of its key, and the page of DescribeVolumes that showed it. */
    private record KeyedVolume(ResourceRef ref, String keyArn, EvidenceId page) {}
}
