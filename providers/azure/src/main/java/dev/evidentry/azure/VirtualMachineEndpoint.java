package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.azure.ArmCollector.MalformedItemException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One virtual machine of the {@code Microsoft.Compute/virtualMachines} listing (with {@code $expand=instanceView}) as
 * an endpoint: its OS disk's encryption and its operating system, read from the listing item alone.
 *
 * <p>Disk encryption. Azure encrypts every managed disk at rest with server-side encryption (SSE), which cannot be
 * turned off, and every storage account (where an unmanaged VHD lives) likewise; so such an OS disk is
 * {@code ENCRYPTED}, and the method says how: a platform-managed key, a customer-managed key (a disk encryption set),
 * encryption at host ({@code securityProfile.encryptionAtHost}), Azure Disk Encryption
 * ({@code osDisk.encryptionSettings.enabled}), one or several. An ephemeral OS disk ({@code diffDiskSettings.option}
 * {@code Local}) lives on the host's local storage, which SSE does not cover: without encryption at host or Azure Disk
 * Encryption it is {@code NOT_ENCRYPTED}.
 *
 * <p>Operating system. {@code instanceView.osName} and {@code osVersion} (else the image reference), the platform from
 * {@code osDisk.osType}; the last report is the newest status time of the Ready VM agent
 * ({@code instanceView.vmAgent}), the last patch the end of the last patch installation that succeeded
 * ({@code patchStatus.lastPatchInstallationSummary}). A VM whose agent does not report (deallocated, or no agent)
 * has no known last report.
 *
 * @param ref the VM
 * @param hostname {@code osProfile.computerName}, or the VM's name
 * @param item the listing item
 * @param page the listing page it came from
 */
record VirtualMachineEndpoint(ResourceRef ref, String hostname, JsonNode item, EvidenceId page) {

    static final String PLATFORM_KEY = "server-side encryption with a platform-managed key";
    static final String STORAGE_SSE = "Azure Storage service encryption of the unmanaged VHD's storage account";
    static final String AT_HOST = "encryption at host";
    static final String ADE = "Azure Disk Encryption";
    static final String EPHEMERAL = "an ephemeral OS disk on the host's local storage, which server-side encryption "
            + "does not cover, without encryption at host or Azure Disk Encryption";
    private static final String READY = "ProvisioningState/succeeded";
    private static final Set<String> PATCHED = Set.of("Succeeded", "CompletedWithWarnings");

    VirtualMachineEndpoint {
        requireNonNull(ref, "ref is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(item, "item is null");
        requireNonNull(page, "page is null");
    }

    /**
     * The OS disk's encryption.
     *
     * @throws MalformedItemException when a flag the verdict rests on is not true or false
     */
    EndpointDiskEncryption diskEncryption() {
        JsonNode properties = item.path("properties");
        JsonNode osDisk = properties.path("storageProfile").path("osDisk");
        boolean atHost = ArmCollector.bool(properties.path("securityProfile"), "encryptionAtHost", false);
        boolean azureDiskEncryption = ArmCollector.bool(osDisk.path("encryptionSettings"), "enabled", false);
        boolean ephemeral = "Local".equalsIgnoreCase(osDisk.path("diffDiskSettings").path("option").asText(""));
        List<String> methods = new ArrayList<>();
        String disk = osDisk.path("name").asText("");
        if (ephemeral) {
            disk = disk.isEmpty() ? "ephemeral OS disk" : "ephemeral OS disk " + disk;
        } else if (osDisk.has("managedDisk")) {
            String set = osDisk.path("managedDisk").path("diskEncryptionSet").path("id").asText("");
            methods.add(set.isEmpty() ? PLATFORM_KEY : "server-side encryption with a customer-managed key (disk "
                    + "encryption set " + lastSegment(set) + ")");
            disk = "managed OS disk " + disk;
        } else if (osDisk.has("vhd")) {
            methods.add(STORAGE_SSE);
            disk = "unmanaged OS disk " + osDisk.path("vhd").path("uri").asText(disk);
        } else {
            return new EndpointDiskEncryption(ref, hostname, "", DiskEncryptionState.UNKNOWN, "", null,
                    "the listing shows neither a managed disk, a VHD nor an ephemeral disk as its OS disk",
                    List.of(page));
        }
        if (atHost) {
            methods.add(AT_HOST);
        }
        if (azureDiskEncryption) {
            methods.add(ADE);
        }
        if (methods.isEmpty()) {
            return new EndpointDiskEncryption(ref, hostname, "", DiskEncryptionState.NOT_ENCRYPTED, "", null,
                    disk.strip() + ": " + EPHEMERAL, List.of(page));
        }
        return new EndpointDiskEncryption(ref, hostname, "", DiskEncryptionState.ENCRYPTED, String.join(" + ",
                methods), null, disk.strip(), List.of(page));
    }

    /** The operating system and when the VM agent last reported. */
    EndpointOperatingSystem operatingSystem() {
        JsonNode properties = item.path("properties");
        JsonNode view = properties.path("instanceView");
        JsonNode image = properties.path("storageProfile").path("imageReference");
        String platform = properties.path("storageProfile").path("osDisk").path("osType").asText("")
                .toLowerCase(Locale.ROOT);
        String name = view.path("osName").asText("");
        String version = view.path("osVersion").asText("");
        List<String> said = new ArrayList<>();
        if (name.isEmpty() && image.has("offer")) {
            name = (image.path("offer").asText("") + " " + image.path("sku").asText("")).strip();
            said.add("name from the image reference");
        }
        JsonNode agent = view.path("vmAgent");
        Instant reported = null;
        for (JsonNode status : agent.path("statuses")) {
            // Only a Ready agent's status time says when it last reported; Not Ready means the platform lost it.
            Instant time = READY.equals(status.path("code").asText("")) ? instant(status.path("time").asText(""))
                    : null;
            if (time != null && (reported == null || time.isAfter(reported))) {
                reported = time;
            }
            said.add("VM agent " + status.path("displayStatus").asText(status.path("code").asText("")));
        }
        if (!view.isMissingNode() && agent.isMissingNode()) {
            said.add("no VM agent status");
        } else if (view.isMissingNode()) {
            said.add("the listing has no instance view");
        }
        for (JsonNode status : view.path("statuses")) {
            String code = status.path("code").asText("");
            if (code.startsWith("PowerState/")) {
                said.add("power state " + code.substring("PowerState/".length()));
            }
        }
        JsonNode installation = view.path("patchStatus").path("lastPatchInstallationSummary");
        Instant patched = PATCHED.contains(installation.path("status").asText(""))
                ? instant(installation.path("lastModifiedTime").asText("")) : null;
        return new EndpointOperatingSystem(ref, hostname, "", platform, name, version, patched, reported,
                String.join(", ", said), List.of(page));
    }

    private static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** An ARM date-time, with or without offset and fraction; {@code null} when absent or unreadable. */
    static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
