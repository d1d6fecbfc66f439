package dev.evidentry.spi.fact;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operating system of one endpoint and when the device last reported: what patching and staleness rules judge.
 *
 * @param hostname the device's host name
 * @param serialNumber hardware serial number, or empty when the source does not know it (matching across sources)
 * @param platform {@code macos}, {@code windows}, {@code linux} or another lower-case family, or empty when unknown
 * @param name the system's name as reported, such as {@code macOS} or {@code Microsoft Windows 11 Pro}, or empty
 * @param version the version as reported, such as {@code 14.6.1} or {@code 10.0.22631}, or empty
 * @param lastPatched when an update was last installed, when the source says
 * @param lastReported when the device last reported to the source, or {@code null} when unknown
 * @param detail what the source said, in a few words, or empty
 */
public record EndpointOperatingSystem(
        ResourceRef resource,
        String hostname,
        String serialNumber,
        String platform,
        String name,
        String version,
        Instant lastPatched,
        Instant lastReported,
        String detail,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "endpoint.operating-system";

    public EndpointOperatingSystem {
        requireNonNull(resource, "resource is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(serialNumber, "serialNumber is null");
        requireNonNull(platform, "platform is null");
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(detail, "detail is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Instant> lastPatchedIfKnown() {
        return Optional.ofNullable(lastPatched);
    }

    public Optional<Instant> lastReportedIfKnown() {
        return Optional.ofNullable(lastReported);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
