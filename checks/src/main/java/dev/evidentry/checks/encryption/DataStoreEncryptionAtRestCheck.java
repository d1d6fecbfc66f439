package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.DataStoreEncryption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Every data store, in any cloud, encrypts what it keeps; a customer-managed key is the stronger of the two passes. */
public final class DataStoreEncryptionAtRestCheck implements Check {

    public static final String ID = "encryption.datastore.at-rest";

    /** How people name the resource types they know; any other type is named by its id. */
    private static final Map<String, String> NAMES = Map.of(
            "aws.s3.bucket", "S3 bucket",
            "aws.ec2.volume", "EBS volume",
            "aws.rds.instance", "RDS instance",
            "aws.dynamodb.table", "DynamoDB table");

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Data stores are encrypted at rest", Severity.HIGH, Set.of(DataStoreEncryption.KIND),
            List.of("CC6.1", "C1.1"), CheckHelp.load(DataStoreEncryptionAtRestCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(DataStoreEncryption.class).map(this::judge);
    }

    private Finding judge(DataStoreEncryption store) {
        String type = store.resource().type();
        String what = NAMES.getOrDefault(type, type) + " " + store.resource().name();
        return switch (store.encryption()) {
            case NONE -> Finding.fail(descriptor, store, what + " is not encrypted at rest.");
            case PROVIDER_KEY -> Finding.pass(descriptor, store, what + " is encrypted at rest with a provider-managed key"
                    + detail(store) + "; a customer-managed key would be stronger.");
            case CUSTOMER_KEY -> Finding.pass(descriptor, store, what + " is encrypted at rest with "
                    + (store.keyId().isEmpty() ? "a customer-managed key" : "the customer-managed key " + store.keyId())
                    + detail(store) + ", the stronger setting: you can audit and revoke the key.");
            case UNKNOWN -> Finding.error(descriptor, store, "The encryption at rest of " + what + " could not be read.");
        };
    }

    private static String detail(DataStoreEncryption store) {
        return store.detail().isEmpty() ? "" : " (" + store.detail() + ")";
    }
}
