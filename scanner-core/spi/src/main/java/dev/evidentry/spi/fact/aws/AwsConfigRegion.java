package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * AWS Config in one region. Resource: the region ({@code aws.region}).
 *
 * @param recorderName the configuration recorder, or empty when there is none
 * @param recording whether it is recording now
 * @param allSupported whether it records every supported resource type
 * @param lastStatus the last delivery status, such as {@code SUCCESS} or {@code FAILURE}, or empty
 */
public record AwsConfigRegion(ResourceRef resource, String recorderName, boolean recording, boolean allSupported,
        String lastStatus, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.config.region";

    public AwsConfigRegion {
        requireNonNull(resource, "resource is null");
        requireNonNull(recorderName, "recorderName is null");
        requireNonNull(lastStatus, "lastStatus is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
