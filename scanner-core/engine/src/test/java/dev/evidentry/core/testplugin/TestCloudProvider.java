package dev.evidentry.core.testplugin;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import dev.evidentry.spi.RawEvidence;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small cloud whose estate the options choose: two users (alice signs in interactively, ci-bot does not) and two
 * buckets. Registered in {@code META-INF/services}, so the engine's tests find it the way the scanner finds a real
 * provider.
 *
 * <ul>
 *   <li>{@code mfa}: alice's MFA state ({@code enforced} by default, {@code none}, {@code unknown})</li>
 *   <li>{@code encryption}: bucket-a's encryption ({@code customer-key} by default, {@code none})</li>
 *   <li>{@code issue}: {@code denied} (bucket-b's encryption cannot be read) or {@code credentials} (the account's
 *       credentials are rejected)</li>
 *   <li>{@code crash}: throw after the users were reported</li>
 *   <li>{@code token} (secret) and {@code leak}: put the token, and a session token registered at run time, into the
 *       raw evidence, an issue message and the crash message, as a careless provider would</li>
 * </ul>
 */
public final class TestCloudProvider implements Provider {

    public static final String ID = "testcloud";
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-west-1";
    /** What a leaking provider derives from its token at run time and registers as secret. */
    public static final String SESSION_PREFIX = "session-for-";

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, "Test Cloud", "1.2.3", Set.of(HumanIdentity.KIND, DataStoreEncryption.KIND),
                Set.of(new ProviderOption("mfa", "alice's MFA state"),
                        new ProviderOption("encryption", "bucket-a's encryption"),
                        new ProviderOption("issue", "a collection failure to simulate"),
                        new ProviderOption("crash", "throw part-way"),
                        new ProviderOption("token", "API token"),
                        new ProviderOption("leak", "echo secrets into evidence and messages")),
                Set.of("token"));
    }

    public static ResourceRef user(String name) {
        return ResourceRef.global(ID, ACCOUNT, "testcloud.iam.user", "tc:" + ACCOUNT + ":user/" + name, name);
    }

    public static ResourceRef bucket(String name) {
        return new ResourceRef(ID, ACCOUNT, REGION, "testcloud.storage.bucket", "tc:bucket/" + name, name);
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        String token = context.option("token").orElse("");
        boolean leak = context.option("leak").isPresent();
        String session = SESSION_PREFIX + token;
        if (leak) {
            context.registerSecret(session);
        }
        String issue = context.option("issue").orElse("");

        EvidenceId users = context.recordEvidence(new RawEvidence(ID, "iam", "ListUsers", "",
                Map.of("MaxItems", "100"), 200, "text/xml",
                "<ListUsersResponse><Users><member><UserName>alice</UserName></member>"
                        + "<member><UserName>ci-bot</UserName></member></Users>"
                        + (leak ? "<Debug>token " + token + " session " + session + "</Debug>" : "")
                        + "</ListUsersResponse>"));
        MfaState mfa = MfaState.valueOf(context.option("mfa").orElse("enforced").toUpperCase(Locale.ROOT));
        sink.accept(new HumanIdentity(user("alice"), "alice", true, true, mfa,
                mfa == MfaState.NONE ? MfaMethod.NONE : MfaMethod.AUTHENTICATOR_APP, List.of(users)));
        sink.accept(new HumanIdentity(user("ci-bot"), "ci-bot", true, false, MfaState.NONE, MfaMethod.NONE,
                List.of(users)));
        if (context.option("crash").isPresent()) {
            throw new IllegalStateException("simulated SDK failure" + (leak ? " using token " + token : ""));
        }
        if (issue.equals("credentials")) {
            sink.issue(new CollectionIssue(ID, ACCOUNT, "", null, "sts:GetCallerIdentity",
                    Set.of(HumanIdentity.KIND, DataStoreEncryption.KIND), IssueCause.INVALID_CREDENTIALS,
                    "The security token included in the request is invalid"));
        }
        EncryptionAtRest bucketA = context.option("encryption").orElse("customer-key").equals("none")
                ? EncryptionAtRest.NONE : EncryptionAtRest.CUSTOMER_KEY;
        context.forEachConcurrently(List.of("bucket-a", "bucket-b"), name -> {
            if (issue.equals("denied") && name.equals("bucket-b")) {
                sink.issue(CollectionIssue.forResource(bucket(name), "storage:GetBucketEncryption",
                        Set.of(DataStoreEncryption.KIND), IssueCause.ACCESS_DENIED,
                        "AccessDenied: not authorised to read " + name + (leak ? " with token " + token : "")));
                return;
            }
            EncryptionAtRest encryption = name.equals("bucket-a") ? bucketA : EncryptionAtRest.CUSTOMER_KEY;
            EvidenceId evidence = context.recordEvidence(new RawEvidence(ID, "storage", "GetBucketEncryption", REGION,
                    Map.of("Bucket", name), 200, "application/json",
                    "{\"bucket\":\"" + name + "\",\"algorithm\":\"" + encryption + "\"}"));
            sink.accept(new DataStoreEncryption(bucket(name), encryption,
                    encryption == EncryptionAtRest.CUSTOMER_KEY ? "key/" + name : "", encryption.name(),
                    List.of(evidence)));
        });
    }
}
