package dev.evidentry.endpoint;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.ScreenLockState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One device as one source saw it. A reading is {@code null} when the source says nothing about that aspect (Falcon
 * knows nothing of screen locks); an aspect the source should have reported but did not is a reading in state
 * {@code UNKNOWN}.
 *
 * @param source the source's id: {@code osquery}, {@code falcon}
 * @param sourceId the device's identifier in that source (osquery's host identifier, Falcon's device id)
 * @param hostname the host name as the source reports it, or empty
 * @param serialNumber the hardware serial number, or empty when the source does not know it
 * @param lastReported when the device last reported to the source, or {@code null}
 */
record Sighting(
        String source,
        String sourceId,
        String hostname,
        String serialNumber,
        Instant lastReported,
        Protection protection,
        Disk disk,
        ScreenLock screenLock,
        Os os) {

    Sighting {
        requireNonNull(source, "source is null");
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(serialNumber, "serialNumber is null");
    }

    /** Malware protection as the source saw it. */
    record Protection(ProtectionState state, String agent, Duration signatureAge, String detail,
            List<EvidenceId> evidence) {
        Protection {
            requireNonNull(state, "state is null");
            requireNonNull(agent, "agent is null");
            requireNonNull(detail, "detail is null");
            evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        }
    }

    /** System disk encryption as the source saw it. */
    record Disk(DiskEncryptionState state, String method, String detail, List<EvidenceId> evidence) {
        Disk {
            requireNonNull(state, "state is null");
            requireNonNull(method, "method is null");
            requireNonNull(detail, "detail is null");
            evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        }
    }

    /** Idle screen lock as the source saw it; {@code lockAfter} is {@code null} when not reported. */
    record ScreenLock(ScreenLockState state, Duration lockAfter, String detail, List<EvidenceId> evidence) {
        ScreenLock {
            requireNonNull(state, "state is null");
            requireNonNull(detail, "detail is null");
            evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        }
    }

    /** Operating system as the source saw it. */
    record Os(String platform, String name, String version, Instant lastPatched, String detail,
            List<EvidenceId> evidence) {
        Os {
            requireNonNull(platform, "platform is null");
            requireNonNull(name, "name is null");
            requireNonNull(version, "version is null");
            requireNonNull(detail, "detail is null");
            evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        }

        /**
         * A Windows version as the checks read releases, by build: {@code 10.0.22631 (23H2)} from a source that gives
         * the build apart from its release name ({@code 23H2}, {@code Windows 11}); the name alone without a build.
         */
        static String windowsVersion(String build, String releaseName) {
            if (!build.matches("\\d{4,5}")) {
                return releaseName;
            }
            return "10.0." + build + (releaseName.isEmpty() ? "" : " (" + releaseName + ")");
        }
    }
}
