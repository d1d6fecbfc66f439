package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.PatchStates.Patched;
import dev.evidentry.aws.RootVolumes.InstanceRoot;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.provider.support.EndpointAgents;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesResponse;

/**
 * Endpoint protection and operating system of every machine in every region in scope, as SSM's software inventory
 * and managed instance listing show them: the EC2
 * instances (EC2 DescribeInstances), the machines SSM manages (DescribeInstanceInformation, EC2 instances and
 * {@code mi-} machines outside EC2), and for each managed machine its installed applications (ListInventoryEntries,
 * type {@code AWS:Application}), looked through for a recognised antivirus or EDR agent ({@link EndpointAgents}).
 *
 * <p>An EC2 instance SSM does not manage cannot be seen into: its protection is {@code UNKNOWN} (the check reports
 * ERROR); so is a stopped one, which SSM does not list whether it manages it or not. A managed machine with a recognised agent installed is {@code ACTIVE} (inventory does not say whether it
 * runs); with none, {@code ABSENT}; with no inventory collected at all, {@code UNKNOWN}.
 *
 * <p>A managed machine's operating system is what DescribeInstanceInformation says (platform, name, version), its
 * last report its last ping to SSM, and its last patch the end of Patch Manager's last Install operation
 * ({@link PatchStates}; none when the account does not use Patch Manager); an EC2 instance SSM does not manage has
 * its platform from EC2 and no known last report (the staleness check reports ERROR). The instance listing also gives each instance's root device to
 * {@link RootVolumes}, which judges its disk encryption.
 */
final class SsmCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND,
            EndpointDiskEncryption.KIND);

    /** What each call's failure costs. */
    static final Set<String> INSTANCE_KINDS = KINDS;
    static final Set<String> MANAGED_KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND);
    static final Set<String> INVENTORY_KINDS = Set.of(EndpointProtection.KIND);
    /** Only a failure of the task itself (not of the patch call, see {@link #operatingSystems}) costs the systems. */
    static final Set<String> PATCH_KINDS = Set.of(EndpointOperatingSystem.KIND);

    static final String INVENTORY_TYPE = "AWS:Application";

    /** Page sizes: DescribeInstances allows 1000, DescribeInstanceInformation and ListInventoryEntries 50. */
    static final int INSTANCE_PAGE = 1000;
    static final int SSM_PAGE = 50;

    static final String NOT_MANAGED = "not managed by SSM Systems Manager: its software cannot be seen";
    static final String STOPPED = "stopped, and SSM Systems Manager does not describe stopped instances: its software "
            + "cannot be seen";
    static final String NO_INVENTORY = "managed by SSM Systems Manager, but no software inventory ("
            + INVENTORY_TYPE + ") has been collected from it: its software cannot be seen";

    private static final Set<String> GONE = Set.of("terminated", "shutting-down");
    private static final Set<String> STOPPED_STATES = Set.of("stopped", "stopping");

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;
    private final EndpointAgents agents;
    private final RootVolumes rootVolumes;
    private final PatchStates patchStates;

    private final Map<Region, List<Ec2Instance>> instances = new ConcurrentHashMap<>();
    private final Map<Region, Managed> managed = new ConcurrentHashMap<>();

    SsmCollector(AwsClients clients, Scope scope, FactSink sink, EndpointAgents agents, RootVolumes rootVolumes) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.agents = requireNonNull(agents, "agents is null");
        this.rootVolumes = requireNonNull(rootVolumes, "rootVolumes is null");
        this.patchStates = new PatchStates(clients);
    }

    @Override
    public List<Task> firstTasks() {
        List<Task> tasks = new ArrayList<>();
        for (Region region : scope.regions()) {
            ResourceRef regionRef = scope.regionRef(region);
            tasks.add(new Task("ec2:DescribeInstances", regionRef, INSTANCE_KINDS, () -> listInstances(region)));
            tasks.add(new Task("ssm:DescribeInstanceInformation", regionRef, MANAGED_KINDS,
                    () -> listManaged(region)));
        }
        return tasks;
    }

    /**
     * Emits the EC2 instances SSM does not manage; returns one inventory task per managed machine, and one patch state
     * task per {@value PatchStates#BATCH} managed machines, which emits their operating system. Where SSM's listing
     * failed nothing is known (its issue covers the region); where EC2's failed, the managed machines are still read.
     */
    @Override
    public List<Task> followUpTasks() {
        List<Task> tasks = new ArrayList<>();
        for (Region region : scope.regions()) {
            Managed ssm = managed.get(region);
            if (ssm == null) {
                continue;
            }
            List<Ec2Instance> ec2 = instances.get(region);
            List<ManagedSystem> systems = new ArrayList<>();
            Map<String, ManagedMachine> byId = new HashMap<>();
            ssm.machines().forEach(machine -> byId.put(machine.info().instanceId(), machine));
            if (ec2 != null) {
                for (Ec2Instance instance : ec2) {
                    ResourceRef ref = scope.instanceRef(region, instance.id());
                    ManagedMachine machine = byId.get(instance.id());
                    if (machine == null) {
                        List<EvidenceId> evidence = new ArrayList<>(List.of(instance.page()));
                        evidence.addAll(ssm.pages());
                        String unseen = STOPPED_STATES.contains(instance.state()) ? STOPPED : NOT_MANAGED;
                        sink.accept(new EndpointProtection(ref, instance.privateDnsName(), "", "",
                                ProtectionState.UNKNOWN, null, null, unseen, evidence));
                        sink.accept(new EndpointOperatingSystem(ref, instance.privateDnsName(), "",
                                instance.platform(), instance.platformDetails(), "", null, null, unseen, evidence));
                    } else {
                        String hostname = instance.privateDnsName().isEmpty() ? computerName(machine.info())
                                : instance.privateDnsName();
                        List<EvidenceId> evidence = List.of(instance.page(), machine.page());
                        systems.add(new ManagedSystem(ref, hostname, machine.info(), evidence));
                        tasks.add(inventoryTask(region, ref, hostname, machine, evidence));
                    }
                }
            }
            for (ManagedMachine machine : ssm.machines()) {
                String id = machine.info().instanceId();
                ResourceRef ref;
                if (!isEc2(machine.info())) {
                    ref = scope.managedInstanceRef(region, id);
                } else if (ec2 == null) {
                    ref = scope.instanceRef(region, id);
                } else {
                    continue; // judged above with its EC2 instance, or not reported (see below)
                }
                systems.add(new ManagedSystem(ref, computerName(machine.info()), machine.info(),
                        List.of(machine.page())));
                tasks.add(inventoryTask(region, ref, computerName(machine.info()), machine, List.of(machine.page())));
                // An EC2 instance SSM still lists but EC2 does not (terminated, or of another account) is not reported.
            }
            for (int from = 0; from < systems.size(); from += PatchStates.BATCH) {
                List<ManagedSystem> batch = List.copyOf(systems.subList(from, Math.min(systems.size(),
                        from + PatchStates.BATCH)));
                tasks.add(new Task(PatchStates.OPERATION, scope.regionRef(region), PATCH_KINDS,
                        () -> operatingSystems(region, batch)));
            }
        }
        instances.clear();
        managed.clear();
        return tasks;
    }

    private void listInstances(Region region) {
        List<Ec2Instance> found = new ArrayList<>();
        List<InstanceRoot> roots = new ArrayList<>();
        AwsCalls.<DescribeInstancesResponse>pages("ec2:DescribeInstances",
                (token, override) -> clients.ec2(region).describeInstances(b -> b.maxResults(INSTANCE_PAGE)
                        .nextToken(token).overrideConfiguration(override)),
                DescribeInstancesResponse::nextToken,
                page -> {
                    for (Reservation reservation : page.value().reservations()) {
                        for (Instance instance : reservation.instances()) {
                            if (instance.instanceId() == null || instance.instanceId().isBlank()) {
                                throw new MalformedResponseException("an instance without an InstanceId");
                            }
                            String state = instance.state() == null ? "" : instance.state().nameAsString();
                            if (!GONE.contains(state)) {
                                String hostname = instance.privateDnsName() == null ? "" : instance.privateDnsName();
                                found.add(new Ec2Instance(instance.instanceId(), hostname, state,
                                        platform(instance), text(instance.platformDetails()), page.evidence()));
                                roots.add(new InstanceRoot(instance.instanceId(), hostname,
                                        text(instance.rootDeviceTypeAsString()), text(instance.rootDeviceName()),
                                        rootVolumeId(instance), page.evidence()));
                            }
                        }
                    }
                });
        instances.put(region, List.copyOf(found));
        rootVolumes.instancesListed(region, roots);
    }

    /** The EBS volume attached at the instance's root device, or empty. */
    static String rootVolumeId(Instance instance) {
        if (instance.rootDeviceName() == null) {
            return "";
        }
        for (InstanceBlockDeviceMapping mapping : instance.blockDeviceMappings()) {
            EbsInstanceBlockDevice ebs = mapping.ebs();
            if (instance.rootDeviceName().equals(mapping.deviceName()) && ebs != null && ebs.volumeId() != null) {
                return ebs.volumeId();
            }
        }
        return "";
    }

    /**
     * The platform family EC2 knows without looking inside: {@code Platform} is {@code windows} for Windows only, and
     * {@code PlatformDetails} names the billing product, {@code Linux/UNIX}, {@code Red Hat Enterprise Linux}...
     */
    private static String platform(Instance instance) {
        if ("windows".equals(instance.platformAsString())) {
            return "windows";
        }
        String details = text(instance.platformDetails()).toLowerCase(Locale.ROOT);
        if (details.contains("windows")) {
            return "windows";
        }
        return details.contains("linux") || details.contains("suse") ? "linux" : "";
    }

    /**
     * Emits the machines' operating systems with when Patch Manager last installed updates. Patch data is extra: when
     * it cannot be read the systems are still emitted, without it but saying why in their detail (which the patch
     * check's ERROR quotes), and the issue costs no fact kind, so a policy without
     * {@code ssm:DescribeInstancePatchStates} keeps its staleness and support verdicts.
     */
    private void operatingSystems(Region region, List<ManagedSystem> systems) {
        Map<String, Patched> patched = Map.of();
        String patchFailure = "";
        try {
            patched = patchStates.of(region, systems.stream().map(system -> system.info().instanceId()).toList());
        } catch (CallException e) {
            scope.report(sink, scope.regionRef(region), Set.of(), e);
            patchFailure = e.describe("");
        }
        for (ManagedSystem system : systems) {
            sink.accept(operatingSystem(system, patched.get(system.info().instanceId()), patchFailure));
        }
    }

    private static EndpointOperatingSystem operatingSystem(ManagedSystem system, Patched patched,
            String patchFailure) {
        InstanceInformation info = system.info();
        List<String> said = new ArrayList<>();
        String ping = info.pingStatusAsString();
        if (ping != null && !ping.isBlank()) {
            said.add("SSM Agent ping status " + ping);
        }
        List<EvidenceId> evidence = new ArrayList<>(system.evidence());
        if (patched != null) {
            said.add(patched.describe());
            evidence.add(patched.page());
        }
        if (!patchFailure.isEmpty()) {
            said.add(patchFailure);
        }
        String platform = text(info.platformTypeAsString()).toLowerCase(Locale.ROOT);
        return new EndpointOperatingSystem(system.ref(), system.hostname(), "", platform, text(info.platformName()),
                text(info.platformVersion()), patched == null ? null : patched.lastInstalled(),
                info.lastPingDateTime(), String.join(", ", said), evidence);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private void listManaged(Region region) {
        List<ManagedMachine> found = new ArrayList<>();
        List<EvidenceId> pages = new ArrayList<>();
        AwsCalls.<DescribeInstanceInformationResponse>pages("ssm:DescribeInstanceInformation",
                (token, override) -> clients.ssm(region).describeInstanceInformation(b -> b.maxResults(SSM_PAGE)
                        .nextToken(token).overrideConfiguration(override)),
                DescribeInstanceInformationResponse::nextToken,
                page -> {
                    pages.add(page.evidence());
                    for (InstanceInformation info : page.value().instanceInformationList()) {
                        if (info.instanceId() == null || info.instanceId().isBlank()) {
                            throw new MalformedResponseException("a managed instance without an InstanceId");
                        }
                        found.add(new ManagedMachine(info, page.evidence()));
                    }
                });
        managed.put(region, new Managed(List.copyOf(found), List.copyOf(pages)));
    }

    private Task inventoryTask(Region region, ResourceRef ref, String hostname, ManagedMachine machine,
            List<EvidenceId> evidence) {
        return new Task("ssm:ListInventoryEntries", ref, INVENTORY_KINDS,
                () -> sink.accept(protection(region, ref, hostname, machine.info(), evidence)));
    }

    /** Reads the machine's installed applications, every page, and judges them. */
    private EndpointProtection protection(Region region, ResourceRef ref, String hostname, InstanceInformation info,
            List<EvidenceId> known) {
        List<EvidenceId> evidence = new ArrayList<>(known);
        Set<String> found = new TreeSet<>();
        String[] captured = {""};
        int[] entries = {0};
        AwsCalls.<ListInventoryEntriesResponse>pages("ssm:ListInventoryEntries",
                (token, override) -> clients.ssm(region).listInventoryEntries(b -> b.instanceId(info.instanceId())
                        .typeName(INVENTORY_TYPE).maxResults(SSM_PAGE).nextToken(token)
                        .overrideConfiguration(override)),
                ListInventoryEntriesResponse::nextToken,
                page -> {
                    evidence.add(page.evidence());
                    if (page.value().captureTime() != null && !page.value().captureTime().isBlank()) {
                        captured[0] = page.value().captureTime();
                    }
                    for (Map<String, String> entry : page.value().entries()) {
                        entries[0]++;
                        String name = entry.get("Name");
                        if (agents.matches(name)) {
                            found.add(name.strip());
                        }
                    }
                });
        Instant lastPing = info.lastPingDateTime();
        if (!found.isEmpty()) {
            return new EndpointProtection(ref, hostname, "", String.join(", ", found), ProtectionState.ACTIVE, null,
                    lastPing, "found installed in SSM inventory (" + INVENTORY_TYPE + captureNote(captured[0])
                            + "); inventory does not report whether it is running", evidence);
        }
        if (entries[0] == 0 && captured[0].isEmpty()) {
            return new EndpointProtection(ref, hostname, "", "", ProtectionState.UNKNOWN, null, lastPing,
                    NO_INVENTORY, evidence);
        }
        return new EndpointProtection(ref, hostname, "", "", ProtectionState.ABSENT, null, lastPing,
                "none of the recognised antivirus/EDR agents (option endpoint-agents) is installed according to SSM "
                        + "inventory (" + INVENTORY_TYPE + captureNote(captured[0]) + ")", evidence);
    }

    private static String captureNote(String captureTime) {
        return captureTime.isEmpty() ? "" : ", captured " + captureTime;
    }

    private static boolean isEc2(InstanceInformation info) {
        String type = info.resourceTypeAsString();
        return type != null && !type.isBlank() ? type.equals("EC2Instance") : info.instanceId().startsWith("i-");
    }

    private static String computerName(InstanceInformation info) {
        return info.computerName() == null ? "" : info.computerName();
    }

    private record Ec2Instance(String id, String privateDnsName, String state, String platform,
            String platformDetails, EvidenceId page) {}

    private record ManagedMachine(InstanceInformation info, EvidenceId page) {}

    /** A managed machine whose operating system is to be emitted, named as its other endpoint facts are. */
    private record ManagedSystem(ResourceRef ref, String hostname, InstanceInformation info,
            List<EvidenceId> evidence) {}

    /** A region's managed machines and every page of the listing (which proves an instance is not among them). */
    private record Managed(List<ManagedMachine> machines, List<EvidenceId> pages) {}
}
