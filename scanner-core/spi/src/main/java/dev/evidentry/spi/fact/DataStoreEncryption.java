package dev.evidentry.spi.fact;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * Encryption at rest of one data store: an S3 bucket, an EBS volume, an RDS instance, an Azure storage account, a GCS
 * bucket, a Cloud SQL instance...
 *
 * @param encryption the state
 * @param keyId the key's identifier when a customer-managed key is used, otherwise empty
 * @param detail the vendor's own words for the setting, such as {@code aws:kms} or {@code AES256}
 */
public record DataStoreEncryption(
        ResourceRef resource, EncryptionAtRest encryption, String keyId, String detail, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "datastore.encryption-at-rest";

    public DataStoreEncryption {
        requireNonNull(resource, "resource is null");
        requireNonNull(encryption, "encryption is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(detail, "detail is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
