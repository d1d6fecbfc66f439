package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.compute.Compute;
import com.google.api.services.compute.model.AttachedDisk;
import com.google.api.services.compute.model.CustomerEncryptionKey;
import com.google.api.services.compute.model.Instance;
import com.google.api.services.compute.model.InstanceAggregatedList;
import com.google.api.services.compute.model.InstancesScopedList;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.gcp.OsConfig.Inventory;
import dev.evidentry.gcp.OsConfig.InventoryItem;
import dev.evidentry.gcp.OsConfig.ListInventoriesResponse;
import dev.evidentry.gcp.OsConfig.OsInfo;
import dev.evidentry.provider.support.EndpointAgents;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's Compute Engine VMs as endpoints: their protection and operating system as OS Config's inventory shows
 * them, and their boot disk's encryption as the instance listing shows it. The instances
 * ({@code compute.instances.aggregatedList}, all pages), then for each zone that has any, every inventory there
 * ({@code osconfig.projects.locations.instances.inventories.list} on {@code projects/P/locations/ZONE/instances/-},
 * view {@code FULL}, all pages), looked through for a recognised antivirus or EDR package ({@link EndpointAgents}).
 *
 * <p>A VM with a recognised agent installed is {@code ACTIVE} (inventory does not say whether it runs); with an
 * inventory that lists installed packages but no agent, {@code ABSENT}; with no inventory, or one that lists no
 * installed package, {@code UNKNOWN} with what to do (the check reports ERROR). A zone whose inventories cannot be
 * listed is an issue for that zone; OS Config API disabled in the project is {@code UNSUPPORTED}, naming the command
 * that enables it.
 *
 * <p>The operating system is the inventory's {@code osInfo} and its last report the inventory's {@code updateTime}; a
 * VM without inventory has an operating system fact with no last report (the staleness check reports ERROR). The boot
 * disk is always encrypted at rest, Google documents, so it is {@code ENCRYPTED}; the method says whose key: Google's
 * default, a Cloud KMS key ({@code diskEncryptionKey.kmsKeyName}) or a key the customer supplies
 * ({@code diskEncryptionKey.sha256} or {@code rsaEncryptedKey}). A VM the listing shows without a boot disk is
 * {@code UNKNOWN}.
 */
final class EndpointCollector {

    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND,
            EndpointDiskEncryption.KIND);
    /** What a zone's failed inventory listing costs: the disks are known from the instance listing already. */
    static final Set<String> INVENTORY_KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND);
    static final String GOOGLE_DEFAULT = "Google default encryption (Google-managed key)";
    static final long INSTANCE_PAGE = 500;
    static final int INVENTORY_PAGE = 100;
    static final String INSTALLED = "INSTALLED_PACKAGE";
    static final String ENABLE_OS_CONFIG = "gcloud services enable osconfig.googleapis.com";

    static final String NO_INVENTORY = "no OS Config inventory for this VM: the OS Config agent is not running on it "
            + "or not enabled (VM Manager: " + ENABLE_OS_CONFIG + " and metadata enable-osconfig=TRUE), so its "
            + "software cannot be seen";
    static final String EMPTY_INVENTORY = "its OS Config inventory lists no installed package: its software cannot be "
            + "seen";

    private final Compute compute;
    private final OsConfig osConfig;
    private final FactSink sink;
    private final Work work;
    private final EndpointAgents agents;

    EndpointCollector(GcpClients clients, FactSink sink, Work work, EndpointAgents agents) {
        requireNonNull(clients, "clients is null");
        this.compute = clients.compute();
        this.osConfig = clients.osConfig();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
        this.agents = requireNonNull(agents, "agents is null");
    }

    void start(String project) {
        work.add(Task.onAccount("compute.instances.aggregatedList", project, KINDS, () -> instances(project)));
    }

    private void instances(String project) {
        Map<String, List<Vm>> byZone = new LinkedHashMap<>();
        GcpCalls.<InstanceAggregatedList>pages("compute.instances.aggregatedList",
                token -> compute.instances().aggregatedList(project).setMaxResults(INSTANCE_PAGE)
                        .setPageToken(token),
                InstanceAggregatedList::getNextPageToken,
                page -> page(project, page, byZone));
        byZone.forEach((zone, vms) -> work.add(new Task("osconfig.projects.locations.instances.inventories.list",
                project, zone, null, INVENTORY_KINDS, () -> inventories(project, zone, vms))));
    }

    private void page(String project, Evidenced<InstanceAggregatedList> page, Map<String, List<Vm>> byZone) {
        Map<String, InstancesScopedList> items = page.value().getItems();
        if (items != null) {
            for (Map.Entry<String, InstancesScopedList> scope : items.entrySet()) {
                List<Instance> instances = scope.getValue() == null ? null : scope.getValue().getInstances();
                if (instances == null) {
                    continue;
                }
                for (Instance instance : instances) {
                    if (instance.getName() == null || instance.getName().isBlank() || instance.getId() == null) {
                        throw CallException.malformed("compute.instances.aggregatedList",
                                "an instance without a name or id", page.evidence());
                    }
                    String zone = instance.getZone() != null ? Resources.lastSegment(instance.getZone())
                            : Resources.lastSegment(scope.getKey());
                    Vm vm = new Vm(instance.getName(), instance.getId().toString(),
                            instance.getHostname() == null ? "" : instance.getHostname(),
                            instance.getStatus() == null ? "" : instance.getStatus(), page.evidence());
                    byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(vm);
                    sink.accept(bootDisk(Resources.instance(project, zone, vm.name()), vm, instance.getDisks()));
                }
            }
        }
        List<String> unreachable = page.value().getUnreachables();
        if (unreachable != null && !unreachable.isEmpty()) {
            sink.issue(new CollectionIssue(GcpProvider.ID, project, "", null, "compute.instances.aggregatedList",
                    KINDS, IssueCause.SERVER_ERROR, "Compute Engine could not reach " + String.join(", ", unreachable)
                            + ": their VMs are missing (evidence " + page.evidence() + ")"));
        }
    }

    /** Every inventory of the zone, then one fact per VM. */
    private void inventories(String project, String zone, List<Vm> vms) {
        Map<String, Evidenced<Inventory>> found = new HashMap<>();
        List<EvidenceId> pages = new ArrayList<>();
        String operation = "osconfig.projects.locations.instances.inventories.list";
        GcpCalls.<ListInventoriesResponse>pages(operation,
                token -> osConfig.listInventories("projects/" + project + "/locations/" + zone + "/instances/-")
                        .setView("FULL").setPageSize(INVENTORY_PAGE).setPageToken(token),
                ListInventoriesResponse::getNextPageToken,
                page -> {
                    pages.add(page.evidence());
                    if (page.value().getInventories() == null) {
                        return;
                    }
                    for (Inventory inventory : page.value().getInventories()) {
                        String instance = instanceOf(inventory.getName());
                        if (instance.isEmpty()) {
                            throw CallException.malformed(operation, "an inventory without a name "
                                    + "projects/P/locations/L/instances/I/inventory", page.evidence());
                        }
                        found.put(instance, new Evidenced<>(inventory, page.evidence()));
                    }
                });
        for (Vm vm : vms) {
            ResourceRef ref = Resources.instance(project, zone, vm.name());
            Evidenced<Inventory> inventory = found.containsKey(vm.id()) ? found.get(vm.id()) : found.get(vm.name());
            if (inventory == null) {
                List<EvidenceId> evidence = new ArrayList<>(List.of(vm.page()));
                evidence.addAll(pages);
                String hostname = vm.hostname().isEmpty() ? vm.name() : vm.hostname();
                String detail = NO_INVENTORY + ("RUNNING".equals(vm.status()) ? "" : " (the VM is " + vm.status()
                        + ")");
                sink.accept(new EndpointProtection(ref, hostname, "", "", ProtectionState.UNKNOWN, null, null,
                        detail, evidence));
                sink.accept(new EndpointOperatingSystem(ref, hostname, "", "", "", "", null, null, detail,
                        evidence));
            } else {
                sink.accept(judge(ref, vm, inventory));
                sink.accept(operatingSystem(ref, vm, inventory));
            }
        }
    }

    /** The boot disk's encryption, from the instance listing's {@code disks[]} (an {@code AttachedDisk} each). */
    static EndpointDiskEncryption bootDisk(ResourceRef ref, Vm vm, List<AttachedDisk> disks) {
        String hostname = vm.hostname().isEmpty() ? vm.name() : vm.hostname();
        AttachedDisk boot = disks == null ? null : disks.stream().filter(disk -> Boolean.TRUE.equals(disk.getBoot()))
                .findFirst().orElse(null);
        if (boot == null) {
            return new EndpointDiskEncryption(ref, hostname, "", DiskEncryptionState.UNKNOWN, "", null,
                    "the instance listing shows no boot disk", List.of(vm.page()));
        }
        String name = boot.getSource() == null ? text(boot.getDeviceName()) : Resources.lastSegment(boot.getSource());
        CustomerEncryptionKey key = boot.getDiskEncryptionKey();
        String method;
        if (key != null && key.getKmsKeyName() != null && !key.getKmsKeyName().isBlank()) {
            method = "customer-managed key (Cloud KMS " + key.getKmsKeyName() + ")";
        } else if (key != null && (key.getSha256() != null || key.getRsaEncryptedKey() != null)) {
            method = "customer-supplied key (CSEK" + (key.getSha256() == null ? "" : ", SHA-256 " + key.getSha256())
                    + ")";
        } else {
            method = GOOGLE_DEFAULT;
        }
        // Compute Engine encrypts every persistent disk at rest; what varies is whose key, which the method names.
        return new EndpointDiskEncryption(ref, hostname, "", DiskEncryptionState.ENCRYPTED, method, null,
                "boot disk " + name, List.of(vm.page()));
    }

    private static EndpointOperatingSystem operatingSystem(ResourceRef ref, Vm vm, Evidenced<Inventory> answer) {
        Inventory inventory = answer.value();
        OsInfo os = inventory.getOsInfo() == null ? new OsInfo() : inventory.getOsInfo();
        String shortName = text(os.getShortName()).toLowerCase(Locale.ROOT);
        // OS Config runs on Windows and on Linux distributions only (Debian, RHEL, Rocky, SLES, Ubuntu, COS...).
        String platform = shortName.isEmpty() ? "" : shortName.equals("windows") ? "windows" : "linux";
        List<String> said = new ArrayList<>();
        if (!text(os.getKernelRelease()).isEmpty()) {
            said.add("kernel " + os.getKernelRelease());
        }
        if (!text(os.getKernelVersion()).isEmpty()) {
            said.add("kernel version " + os.getKernelVersion());
        }
        if (inventory.getUpdateTime() != null) {
            said.add("OS Config inventory updated " + inventory.getUpdateTime());
        }
        return new EndpointOperatingSystem(ref, hostname(vm, inventory), "", platform, text(os.getLongName()),
                text(os.getVersion()), null, instant(inventory.getUpdateTime()), String.join(", ", said),
                List.of(vm.page(), answer.evidence()));
    }

    private static String hostname(Vm vm, Inventory inventory) {
        return inventory.getOsInfo() != null && inventory.getOsInfo().getHostname() != null
                && !inventory.getOsInfo().getHostname().isBlank() ? inventory.getOsInfo().getHostname()
                : vm.hostname().isEmpty() ? vm.name() : vm.hostname();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private EndpointProtection judge(ResourceRef ref, Vm vm, Evidenced<Inventory> answer) {
        Inventory inventory = answer.value();
        String hostname = hostname(vm, inventory);
        Set<String> agentsFound = new TreeSet<>();
        int installed = 0;
        if (inventory.getItems() != null) {
            for (InventoryItem item : inventory.getItems().values()) {
                if (item == null || !INSTALLED.equals(item.getType()) || item.getInstalledPackage() == null) {
                    continue;
                }
                installed++;
                String name = item.getInstalledPackage().name();
                if (agents.matches(name)) {
                    agentsFound.add(name.strip());
                }
            }
        }
        Instant updated = instant(inventory.getUpdateTime());
        String when = inventory.getUpdateTime() == null ? "" : ", updated " + inventory.getUpdateTime();
        List<EvidenceId> evidence = List.of(vm.page(), answer.evidence());
        if (!agentsFound.isEmpty()) {
            return new EndpointProtection(ref, hostname, "", String.join(", ", agentsFound), ProtectionState.ACTIVE,
                    null, updated, "found installed in OS Config inventory (" + installed + " installed packages"
                            + when + "); inventory does not report whether it is running", evidence);
        }
        if (installed == 0) {
            return new EndpointProtection(ref, hostname, "", "", ProtectionState.UNKNOWN, null, updated,
                    EMPTY_INVENTORY + (when.isEmpty() ? "" : " (" + when.substring(2) + ")"), evidence);
        }
        return new EndpointProtection(ref, hostname, "", "", ProtectionState.ABSENT, null, updated,
                "none of the recognised antivirus/EDR agents (option endpoint-agents) is installed according to OS "
                        + "Config inventory (" + installed + " installed packages" + when + ")", evidence);
    }

    /** The instance id (or name) in {@code projects/P/locations/L/instances/I/inventory}, or empty. */
    static String instanceOf(String inventoryName) {
        if (inventoryName == null) {
            return "";
        }
        String[] parts = inventoryName.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("instances")) {
                return parts[i + 1];
            }
        }
        return "";
    }

    private static Instant instant(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    record Vm(String name, String id, String hostname, String status, EvidenceId page) {}
}
