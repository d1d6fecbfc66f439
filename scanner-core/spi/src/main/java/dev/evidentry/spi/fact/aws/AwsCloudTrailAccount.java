package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * CloudTrail in one account, as every region in scope listed it: produced only when every region's listing
 * succeeded, so an empty {@code trailArns} means the account has no trail at all. Resource: the account
 * ({@code aws.account}).
 *
 * @param trailArns the ARN of every trail any region listed (shadow trails included), each once, sorted
 * @param evidence every listing it rests on
 */
public record AwsCloudTrailAccount(ResourceRef resource, List<String> trailArns, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "aws.cloudtrail.account";

    public AwsCloudTrailAccount {
        requireNonNull(resource, "resource is null");
        trailArns = requireNonNull(trailArns, "trailArns is null").stream().distinct().sorted().toList();
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
