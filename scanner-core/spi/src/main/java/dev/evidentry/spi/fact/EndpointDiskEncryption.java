package dev.evidentry.spi.fact;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Full-disk encryption of one endpoint's system disk, as an MDM, an EDR or an agent such as osquery reports it.
 *
 * @param hostname the device's host name
 * @param serialNumber hardware serial number, or empty when the source does not know it (matching across sources)
 * @param state whether the system disk is encrypted
 * @param method the encryption in the source's words, such as {@code FileVault}, {@code BitLocker XtsAes256} or
 *     {@code LUKS aes-xts-plain64}, or empty when unknown
 * @param lastReported when the device last reported this to the source, when known
 * @param detail what the source said, in a few words, or empty
 */
public record EndpointDiskEncryption(
        ResourceRef resource,
        String hostname,
        String serialNumber,
        DiskEncryptionState state,
        String method,
        Instant lastReported,
        String detail,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "endpoint.disk-encryption";

    public EndpointDiskEncryption {
        requireNonNull(resource, "resource is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(serialNumber, "serialNumber is null");
        requireNonNull(state, "state is null");
        requireNonNull(method, "method is null");
        requireNonNull(detail, "detail is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Instant> lastReportedIfKnown() {
        return Optional.ofNullable(lastReported);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
