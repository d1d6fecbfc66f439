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
 * The idle screen lock of one endpoint.
 *
 * @param hostname the device's host name
 * @param serialNumber hardware serial number, or empty when the source does not know it (matching across sources)
 * @param state whether the device locks when left idle
 * @param lockAfter how long the device may sit idle before a password is needed (idle time plus any grace period),
 *     or {@code null} when the source does not say
 * @param lastReported when the device last reported this to the source, when known
 * @param detail what the source said, in a few words, or empty
 */
public record EndpointScreenLock(
        ResourceRef resource,
        String hostname,
        String serialNumber,
        ScreenLockState state,
        Duration lockAfter,
        Instant lastReported,
        String detail,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "endpoint.screen-lock";

    public EndpointScreenLock {
        requireNonNull(resource, "resource is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(serialNumber, "serialNumber is null");
        requireNonNull(state, "state is null");
        requireNonNull(detail, "detail is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Duration> lockAfterIfKnown() {
        return Optional.ofNullable(lockAfter);
    }

    public Optional<Instant> lastReportedIfKnown() {
        return Optional.ofNullable(lastReported);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
