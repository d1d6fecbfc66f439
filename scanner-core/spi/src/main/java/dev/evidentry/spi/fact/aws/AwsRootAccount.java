package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/** The account's root user, from IAM's account summary. */
public record AwsRootAccount(ResourceRef resource, boolean mfaEnabled, boolean accessKeysPresent, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "aws.iam.root-account";

    public AwsRootAccount {
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
