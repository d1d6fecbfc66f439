package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An IAM user's credentials, from the credential report.
 *
 * @param createdAt when the user was created
 * @param passwordEnabled whether the user has a console password (a login profile)
 * @param passwordLastUsed last console sign-in, or {@code null} when never or unknown
 * @param mfaActive whether an MFA device is assigned
 * @param accessKeys the user's access keys (at most two)
 */
public record AwsIamUser(
        ResourceRef resource,
        String userName,
        Instant createdAt,
        boolean passwordEnabled,
        Instant passwordLastUsed,
        boolean mfaActive,
        List<AccessKey> accessKeys,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.iam.user-credentials";

    public AwsIamUser {
        requireNonNull(resource, "resource is null");
        requireNonNull(userName, "userName is null");
        requireNonNull(createdAt, "createdAt is null");
        accessKeys = List.copyOf(requireNonNull(accessKeys, "accessKeys is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Instant> passwordLastUsedIfAny() {
        return Optional.ofNullable(passwordLastUsed);
    }

    public List<AccessKey> activeAccessKeys() {
        return accessKeys.stream().filter(AccessKey::active).toList();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One access key, as the credential report describes it (the report names keys by slot, not by id).
     *
     * @param slot 1 or 2
     * @param lastRotated when the key was created or last rotated
     * @param lastUsed when it was last used, or {@code null} when never
     */
    public record AccessKey(int slot, boolean active, Instant lastRotated, Instant lastUsed) {
        public AccessKey {
            requireNonNull(lastRotated, "lastRotated is null");
        }

        public Optional<Instant> lastUsedIfAny() {
            return Optional.ofNullable(lastUsed);
        }
    }
}
