package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * The account's IAM password policy. {@code present} is false when the account has none (IAM answers NoSuchEntity);
 * the other fields are then AWS's defaults, which enforce nothing.
 *
 * @param reusePrevention how many previous passwords cannot be reused; 0 when reuse is allowed
 * @param maxAgeDays days before a password expires; 0 when passwords never expire
 */
public record AwsPasswordPolicy(
        ResourceRef resource,
        boolean present,
        int minimumLength,
        boolean requireSymbols,
        boolean requireNumbers,
        boolean requireUppercase,
        boolean requireLowercase,
        int reusePrevention,
        int maxAgeDays,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.iam.password-policy";

    public AwsPasswordPolicy {
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
