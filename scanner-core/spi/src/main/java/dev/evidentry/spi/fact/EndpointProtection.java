package dev.evidentry.spi.fact;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Malware protection of one endpoint: a laptop, a desktop or a server, as an MDM, an EDR or a cloud's inventory sees
 * it.
 *
 * @param hostname the device's host name
 * @param serialNumber hardware serial number, or empty when the source does not know it (matching across sources)
 * @param agent the antivirus or EDR product, or empty when none is known
 * @param protection whether it protects the device
 * @param signatureAge how old the agent's signatures were at the last report, when the source says
 * @param lastReported when the device last reported to the source, when known
 * @param detail what the source said, in a few words (such as "not managed by SSM"), or empty
 */
public record EndpointProtection(
        ResourceRef resource,
        String hostname,
        String serialNumber,
        String agent,
        ProtectionState protection,
        Duration signatureAge,
        Instant lastReported,
        String detail,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "endpoint.protection";

    public EndpointProtection {
        requireNonNull(resource, "resource is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(serialNumber, "serialNumber is null");
        requireNonNull(agent, "agent is null");
        requireNonNull(protection, "protection is null");
        requireNonNull(detail, "detail is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Duration> signatureAgeIfKnown() {
        return Optional.ofNullable(signatureAge);
    }

    public Optional<Instant> lastReportedIfKnown() {
        return Optional.ofNullable(lastReported);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
