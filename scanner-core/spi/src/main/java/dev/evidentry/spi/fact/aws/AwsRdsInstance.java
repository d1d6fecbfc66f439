package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * An RDS database instance's exposure and backups. Its storage encryption is a separate
 * {@link dev.evidentry.spi.fact.DataStoreEncryption} fact on the same resource.
 *
 * @param engine such as {@code postgres} or {@code aurora-mysql}
 * @param publiclyAccessible whether it has a public DNS name reachable from the internet
 * @param backupRetentionDays automated backup retention; 0 when automated backups are off
 */
public record AwsRdsInstance(ResourceRef resource, String engine, boolean publiclyAccessible, int backupRetentionDays,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.rds.instance";

    public AwsRdsInstance {
        requireNonNull(resource, "resource is null");
        requireNonNull(engine, "engine is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
