package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * The scan's one cache of KMS DescribeKey answers, by key ARN, shared by the key listing (rotation) and every data
 * store encrypted with a key (EBS volumes, RDS instances, DynamoDB tables): however many stores use a key, and however
 * many of them ask at once, it is described once, in its own region. A failed description is kept too, so every store
 * using that key reports the same failure without asking again.
 */
final class KmsKeys {

    private final AwsClients clients;
    private final Scope scope;
    private final ConcurrentMap<String, Lookup> lookups = new ConcurrentHashMap<>();

    KmsKeys(AwsClients clients, Scope scope) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
    }

    /**
     * The key as DescribeKey tells it.
     *
     * @param keyArn the key's ARN (see {@link #keyArn})
     * @throws CallException when DescribeKey failed, now or for an earlier caller
     */
    Described describe(String keyArn) {
        return lookups.computeIfAbsent(keyArn, Lookup::new).get();
    }

    /**
     * A key reference as EC2, RDS or DynamoDB give it, as an ARN: an ARN stays as it is; a bare key id or an alias name
     * is placed in {@code region} of the scanned account.
     */
    String keyArn(String keyIdOrArn, Region region) {
        String key = keyIdOrArn.strip();
        if (key.startsWith("arn:")) {
            return key;
        }
        return scope.arn("kms", region, key.startsWith("alias/") ? key : "key/" + key);
    }

    /** Whether the key reference names one of the aliases AWS manages ({@code alias/aws/ebs}, {@code aws/rds}...). */
    static boolean isAwsManagedAlias(String keyArn) {
        int alias = keyArn.indexOf(":alias/");
        return alias >= 0 && keyArn.startsWith("aws/", alias + ":alias/".length());
    }

    /**
     * How a data store encrypted with a KMS key is protected: with a key AWS manages ({@code KeyManager=AWS}, or one of
     * AWS's own aliases) a provider key, otherwise a customer key named by its ARN.
     *
     * @param detail the store's own words for its encryption, such as {@code Encrypted=true}
     * @param storeEvidence the answers that showed the store and its key
     * @throws CallException when the key could not be described
     */
    DataStoreEncryption classify(ResourceRef store, String keyArn, String detail, List<EvidenceId> storeEvidence) {
        if (isAwsManagedAlias(keyArn)) {
            return new DataStoreEncryption(store, EncryptionAtRest.PROVIDER_KEY, "",
                    detail + ", KMS key " + keyArn.substring(keyArn.indexOf(":alias/") + 1), storeEvidence);
        }
        Described key = describe(keyArn);
        List<EvidenceId> evidence = new ArrayList<>(storeEvidence);
        evidence.add(key.evidence());
        if (key.awsManaged()) {
            return new DataStoreEncryption(store, EncryptionAtRest.PROVIDER_KEY, "",
                    detail + ", KMS key KeyManager=AWS", evidence);
        }
        return new DataStoreEncryption(store, EncryptionAtRest.CUSTOMER_KEY, key.arn(),
                detail + ", KMS key KeyManager=CUSTOMER", evidence);
    }

    private Described fetch(String keyArn) {
        Region region = regionOf(keyArn);
        Evidenced<DescribeKeyResponse> answer = AwsCalls.call("kms:DescribeKey",
                override -> clients.kms(region).describeKey(b -> b.keyId(keyArn).overrideConfiguration(override)));
        KeyMetadata metadata = answer.value().keyMetadata();
        if (metadata == null || metadata.keyManagerAsString() == null || metadata.keyStateAsString() == null) {
            throw CallException.malformed("kms:DescribeKey", "the answer has no KeyMetadata with a KeyManager and "
                    + "a KeyState", answer.evidence());
        }
        return new Described(metadata, metadata.arn() == null || metadata.arn().isBlank() ? keyArn : metadata.arn(),
                answer.evidence());
    }

    private Region regionOf(String keyArn) {
        String[] parts = keyArn.split(":", 6);
        return parts.length == 6 && !parts[3].isEmpty() ? Region.of(parts[3]) : scope.globalRegion();
    }

    /** A key as DescribeKey described it, with the ARN it gave and the answer's evidence. */
    record Described(KeyMetadata metadata, String arn, EvidenceId evidence) {

        boolean awsManaged() {
            return "AWS".equals(metadata.keyManagerAsString());
        }

        /** The key spec, from KeySpec or the older CustomerMasterKeySpec. */
        String keySpec() {
            String spec = metadata.keySpecAsString() != null ? metadata.keySpecAsString()
                    : metadata.customerMasterKeySpecAsString();
            return spec == null ? "" : spec;
        }
    }

    /** One key's description: made by the first caller, waited for by any other caller meanwhile, then kept. */
    private final class Lookup {
        private final String keyArn;
        private Described described;
        private CallException failure;

        Lookup(String keyArn) {
            this.keyArn = keyArn;
        }

        synchronized Described get() {
            if (described == null && failure == null) {
                try {
                    described = fetch(keyArn);
                } catch (CallException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return described;
        }
    }
}
