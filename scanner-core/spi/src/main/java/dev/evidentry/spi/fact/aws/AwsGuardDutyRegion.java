package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * GuardDuty in one region. Resource: the region ({@code aws.region}).
 *
 * @param detectorId the region's detector, or empty when there is none
 * @param enabled whether that detector is enabled
 */
public record AwsGuardDutyRegion(ResourceRef resource, String detectorId, boolean enabled, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "aws.guardduty.region";

    public AwsGuardDutyRegion {
        requireNonNull(resource, "resource is null");
        requireNonNull(detectorId, "detectorId is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
