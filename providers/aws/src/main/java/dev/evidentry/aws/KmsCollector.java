package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.aws.AwsKmsKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/**
 * KMS in every region in scope: every key (ListKeys), described once through the scan's {@link KmsKeys} (which the
 * data stores share), and, for a customer-managed symmetric key that is enabled and whose material KMS made, whether
 * it rotates (GetKeyRotationStatus). Keys AWS manages are described (to know that) but not reported.
 */
final class KmsCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(AwsKmsKey.KIND);

    /** ListKeys allows up to 1000 keys a page. */
    static final int PAGE_SIZE = 1000;

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;
    private final KmsKeys keys;

    private final Queue<ListedKey> listed = new ConcurrentLinkedQueue<>();

    KmsCollector(AwsClients clients, Scope scope, FactSink sink, KmsKeys keys) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.keys = requireNonNull(keys, "keys is null");
    }

    @Override
    public List<Task> firstTasks() {
        return Task.perRegion(scope, "kms:ListKeys", KINDS, region -> {
            KmsClient kms = clients.kms(region);
            return () -> listKeys(kms, region);
        });
    }

    /** One task per key: DescribeKey (shared with the data stores), then its rotation when it can rotate. */
    @Override
    public List<Task> followUpTasks() {
        return Task.drain(listed, key -> new Task("kms:DescribeKey", key.ref(), KINDS, () -> collectKey(key)));
    }

    private void listKeys(KmsClient kms, Region region) {
        AwsCalls.<ListKeysResponse>pages("kms:ListKeys",
                (marker, override) -> kms.listKeys(b -> b.limit(PAGE_SIZE).marker(marker)
                        .overrideConfiguration(override)),
                answer -> AwsCalls.nextMarker(answer.truncated(), answer.nextMarker()),
                page -> page.value().keys().forEach(key -> listed.add(listedKey(region, key, page.evidence()))));
    }

    private ListedKey listedKey(Region region, KeyListEntry key, EvidenceId page) {
        String id = key.keyId();
        if ((id == null || id.isBlank()) && (key.keyArn() == null || key.keyArn().isBlank())) {
            throw new MalformedResponseException("a key with neither KeyId nor KeyArn");
        }
        String arn = key.keyArn() == null || key.keyArn().isBlank() ? keys.keyArn(id, region) : key.keyArn();
        String name = id == null || id.isBlank() ? arn.substring(arn.lastIndexOf('/') + 1) : id;
        return new ListedKey(scope.kmsKeyRef(region, arn, name), region, arn, page);
    }

    private void collectKey(ListedKey key) {
        KmsKeys.Described described = keys.describe(key.arn());
        if (described.awsManaged()) {
            return; // AWS rotates the keys it manages; they are not judged
        }
        List<EvidenceId> evidence = new ArrayList<>(List.of(key.page(), described.evidence()));
        String state = described.metadata().keyStateAsString();
        String spec = described.keySpec();
        boolean rotation = false;
        if (canRotateAutomatically(spec, state, described.metadata().originAsString())) {
            Evidenced<GetKeyRotationStatusResponse> answer = AwsCalls.call("kms:GetKeyRotationStatus",
                    override -> clients.kms(key.region()).getKeyRotationStatus(b -> b.keyId(key.arn())
                            .overrideConfiguration(override)));
            if (answer.value().keyRotationEnabled() == null) {
                throw CallException.malformed("kms:GetKeyRotationStatus", "the answer has no KeyRotationEnabled",
                        answer.evidence());
            }
            rotation = answer.value().keyRotationEnabled();
            evidence.add(answer.evidence());
        }
        sink.accept(new AwsKmsKey(key.ref(), state, spec, rotation, evidence));
    }

    /**
     * Whether KMS can rotate the key by itself, so that asking is worthwhile: an enabled symmetric encryption key whose
     * material KMS generated. Imported material and custom key stores cannot rotate automatically; the call would be
     * refused.
     */
    static boolean canRotateAutomatically(String keySpec, String keyState, String origin) {
        return "SYMMETRIC_DEFAULT".equals(keySpec) && "Enabled".equals(keyState)
                && (origin == null || "AWS_KMS".equals(origin));
    }

    /** A key as ListKeys named it, with its region and the page that named it. */
    private record ListedKey(ResourceRef ref, Region region, String arn, EvidenceId page) {}
}
