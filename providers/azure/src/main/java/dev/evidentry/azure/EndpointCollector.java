package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subscription's virtual machines as endpoints. The VM listing ({@code Microsoft.Compute/virtualMachines} with
 * {@code $expand=instanceView}, in the same call) gives each VM's OS disk encryption and operating system
 * ({@link VirtualMachineEndpoint}); its protection is as Defender for Cloud assesses it: the VMs joined with the
 * subscription's security assessments ({@code Microsoft.Security/assessments}) whose names are the endpoint protection
 * assessment keys. A failed VM listing costs all three kinds; a failed assessment listing, protection only.
 *
 * <p>An unhealthy "install endpoint protection" assessment means no agent ({@code ABSENT}); an unhealthy "health
 * issues" assessment means an agent that is not protecting ({@code INACTIVE}); a healthy one with neither unhealthy
 * means {@code ACTIVE}; a VM with no such assessment is {@code UNKNOWN} (Defender for Servers off, or not assessed).
 */
final class EndpointCollector extends ArmCollector {

    static final String VM_API_VERSION = "2024-03-01";
    static final String ASSESSMENTS_API_VERSION = "2020-01-01";
    static final String VMS = "Microsoft.Compute/virtualMachines:listAll";
    static final String ASSESSMENTS = "Microsoft.Security/assessments:list";
    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointDiskEncryption.KIND,
            EndpointOperatingSystem.KIND);
    static final Set<String> ASSESSMENT_KINDS = Set.of(EndpointProtection.KIND);

    /** "Install endpoint protection solution on virtual machines / on your machines", and their successor. */
    static final Set<String> INSTALLED_KEYS = Set.of("83f577bd-a1b6-b7e1-0891-12ca19d1e6df",
            "383cf3bc-fdf9-4a02-120a-3e7e36c6bfee", "4fb67663-9ab9-475d-b026-8c544cced439");
    /** "Endpoint protection health issues should be resolved on your machines" (GA and preview keys). */
    static final Set<String> HEALTH_KEYS = Set.of("37a3689a-818e-4a0e-82ac-b1392b9bb000",
            "3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a");

    EndpointCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "VM endpoints";
    }

    @Override
    void collect() {
        List<Vm> vms = new ArrayList<>();
        arm.list(VMS, "/subscriptions/" + subscription.id() + "/providers/Microsoft.Compute/virtualMachines"
                + "?api-version=" + VM_API_VERSION + "&$expand=instanceView", page -> {
                    for (JsonNode item : page.items()) {
                        Vm vm = new Vm(subscription.resource(item, "azure.compute.vm"),
                                item.path("properties").path("osProfile").path("computerName").asText(""),
                                page.evidence());
                        vms.add(vm);
                        endpoint(new VirtualMachineEndpoint(vm.ref(), vm.hostname().isEmpty() ? vm.ref().name()
                                : vm.hostname(), item, page.evidence()));
                    }
                });
        if (vms.isEmpty()) {
            return; // nothing to assess: the assessments are not read
        }
        try {
            assess(vms);
        } catch (AzureCallException e) {
            scopeIssue("", e, ASSESSMENT_KINDS, subscription.describe());
        }
    }

    private void endpoint(VirtualMachineEndpoint vm) {
        sink.accept(vm.operatingSystem());
        try {
            sink.accept(vm.diskEncryption());
        } catch (MalformedItemException e) {
            sink.issue(CollectionIssue.forResource(vm.ref(), VMS, Set.of(EndpointDiskEncryption.KIND),
                    IssueCause.MALFORMED_RESPONSE, VMS + " for virtual machine " + vm.ref().name() + ": the answer "
                            + "could not be read: " + e.getMessage() + " (evidence " + vm.page() + ")"));
        }
    }

    /** Reads the subscription's endpoint protection assessments and judges every VM by them. */
    private void assess(List<Vm> vms) {
        Map<String, List<Assessment>> byResource = new HashMap<>();
        arm.list(ASSESSMENTS, "/subscriptions/" + subscription.id() + "/providers/Microsoft.Security/assessments"
                + "?api-version=" + ASSESSMENTS_API_VERSION, page -> {
                    for (JsonNode item : page.items()) {
                        String key = item.path("name").asText("");
                        if (!INSTALLED_KEYS.contains(key) && !HEALTH_KEYS.contains(key)) {
                            continue;
                        }
                        JsonNode properties = item.path("properties");
                        String resource = properties.path("resourceDetails").path("Id").asText(
                                properties.path("resourceDetails").path("id").asText(""));
                        if (resource.isEmpty()) {
                            String id = item.path("id").asText("");
                            int cut = id.toLowerCase(Locale.ROOT).indexOf("/providers/microsoft.security/assessments/");
                            resource = cut < 0 ? "" : id.substring(0, cut);
                        }
                        JsonNode status = properties.path("status");
                        byResource.computeIfAbsent(resource.toLowerCase(Locale.ROOT), ignored -> new ArrayList<>())
                                .add(new Assessment(key, properties.path("displayName").asText(key),
                                        status.path("code").asText(""), status.path("description").asText(
                                                status.path("cause").asText("")), page.evidence()));
                    }
                });
        for (Vm vm : vms) {
            sink.accept(protection(vm, byResource.getOrDefault(vm.ref().nativeId().toLowerCase(Locale.ROOT),
                    List.of())));
        }
    }

    private static EndpointProtection protection(Vm vm, List<Assessment> assessments) {
        List<EvidenceId> evidence = new ArrayList<>(List.of(vm.evidence()));
        assessments.forEach(assessment -> evidence.add(assessment.evidence()));
        ProtectionState state = ProtectionState.UNKNOWN;
        String detail = "Defender for Cloud has no endpoint protection assessment for it (Defender for Servers off, "
                + "or not assessed yet)";
        Assessment absent = find(assessments, INSTALLED_KEYS, "Unhealthy");
        Assessment unhealthy = find(assessments, HEALTH_KEYS, "Unhealthy");
        Assessment healthy = assessments.stream().filter(a -> a.code().equalsIgnoreCase("Healthy")).findFirst()
                .orElse(null);
        if (absent != null) {
            state = ProtectionState.ABSENT;
            detail = "Defender for Cloud: " + absent.name() + describe(absent);
        } else if (unhealthy != null) {
            state = ProtectionState.INACTIVE;
            detail = "Defender for Cloud: " + unhealthy.name() + describe(unhealthy);
        } else if (healthy != null) {
            state = ProtectionState.ACTIVE;
            detail = "Defender for Cloud: " + healthy.name() + " (Healthy)";
        } else if (!assessments.isEmpty()) {
            detail = "Defender for Cloud does not apply its endpoint protection assessment to it ("
                    + assessments.get(0).code() + ")";
        }
        return new EndpointProtection(vm.ref(), vm.hostname(), "", "", state, null, null, detail,
                evidence.stream().distinct().toList());
    }

    private static String describe(Assessment assessment) {
        return assessment.description().isEmpty() ? " (Unhealthy)" : " (Unhealthy: " + assessment.description() + ")";
    }

    private static Assessment find(List<Assessment> assessments, Set<String> keys, String code) {
        return assessments.stream().filter(a -> keys.contains(a.key()) && a.code().equalsIgnoreCase(code)).findFirst()
                .orElse(null);
    }

    private record Vm(ResourceRef ref, String hostname, EvidenceId evidence) {}

    private record Assessment(String key, String name, String code, String description, EvidenceId evidence) {}
}
