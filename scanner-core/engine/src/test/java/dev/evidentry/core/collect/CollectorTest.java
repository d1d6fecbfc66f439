package dev.evidentry.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.core.testplugin.AlphaSaasProvider;
import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "tok-5ecret-abcdef";

    @TempDir
    Path evidence;

    private final SecretRedactor redactor = new SecretRedactor();

    private FactStore collect(List<Provider> providers, Map<String, Map<String, String>> options) {
        FactStore store = new FactStore(CLOCK);
        try (BoundedExecutor executor = new BoundedExecutor(2)) {
            new Collector(CLOCK, new EvidenceStore(evidence, redactor, CLOCK), redactor, executor,
                    ProgressListener.NONE).collect(providers, options, store);
        }
        store.freeze();
        return store;
    }

    private static HumanIdentity user(String provider, String name) {
        return new HumanIdentity(ResourceRef.global(provider, "acct", provider + ".user", provider + ":" + name, name),
                name, true, true, MfaState.ENFORCED, MfaMethod.SECURITY_KEY, List.of());
    }

    @Test
    void aProviderThatThrowsKeepsWhatItReportedAndFailsEveryKindItDeclares() {
        Provider crashing = provider("crashy", Set.of(HumanIdentity.KIND, DataStoreEncryption.KIND), Set.of(),
                (context, sink) -> {
                    sink.accept(user("crashy", "alice"));
                    throw new IllegalStateException("SDK exploded");
                });

        FactStore store = collect(List.of(crashing), Map.of());

        assertThat(store.all(HumanIdentity.class)).extracting(HumanIdentity::login).containsExactly("alice");
        assertThat(store.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.provider()).isEqualTo("crashy");
            assertThat(issue.account()).isEmpty();
            assertThat(issue.resource()).isNull();
            assertThat(issue.cause()).isEqualTo(IssueCause.PLUGIN_FAILURE);
            assertThat(issue.factKinds()).containsExactlyInAnyOrder(HumanIdentity.KIND, DataStoreEncryption.KIND);
            assertThat(issue.message()).contains("crashy", "IllegalStateException", "SDK exploded");
        });
    }

    @Test
    void aLinkageErrorInAProviderIsCaughtToo() {
        Provider linkage = provider("linky", Set.of(HumanIdentity.KIND), Set.of(), (context, sink) -> {
            throw new NoClassDefFoundError("com/vendor/sdk/Client");
        });

        FactStore store = collect(List.of(linkage, new AlphaSaasProvider()), Map.of());

        assertThat(store.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.PLUGIN_FAILURE);
            assertThat(issue.message()).contains("NoClassDefFoundError", "com/vendor/sdk/Client");
        });
        assertThat(store.all(HumanIdentity.class)).extracting(HumanIdentity::login).containsExactly("dora");
    }

    @Test
    void aProviderThatRunsOutOfMemoryIsAnIssueSayingSoNeverSilence() {
        Provider hungry = provider("hungry", Set.of(HumanIdentity.KIND), Set.of(), (context, sink) -> {
            sink.accept(user("hungry", "alice"));
            context.forEachConcurrently(List.of(1, 2), item -> {
                throw new OutOfMemoryError("Java heap space");
            });
        });
        Provider deep = provider("deep", Set.of(DataStoreEncryption.KIND), Set.of(), (context, sink) -> {
            throw new StackOverflowError();
        });

        FactStore store = collect(List.of(hungry, deep), Map.of());

        assertThat(store.all(HumanIdentity.class)).extracting(HumanIdentity::login).containsExactly("alice");
        assertThat(store.issues()).extracting(issue -> issue.provider() + " " + issue.cause())
                .containsExactlyInAnyOrder("hungry PLUGIN_FAILURE", "deep PLUGIN_FAILURE");
        assertThat(store.issues()).filteredOn(issue -> issue.provider().equals("hungry")).singleElement()
                .satisfies(issue -> assertThat(issue.message()).startsWith("provider hungry ran out of memory (Java "
                        + "heap space)").contains("EVIDENTRY_JAVA_OPTS=-Xmx2g"));
        assertThat(store.issues()).filteredOn(issue -> issue.provider().equals("deep")).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("StackOverflowError"));
    }

    @Test
    void aFactOfAnUndeclaredKindIsRefusedWithAnIssue() {
        Provider sloppy = provider("sloppy", Set.of(HumanIdentity.KIND), Set.of(), (context, sink) -> {
            sink.accept(user("sloppy", "alice"));
            sink.accept(new DataStoreEncryption(new ResourceRef("sloppy", "acct", "r1", "sloppy.disk", "disk-1",
                    "disk-1"), EncryptionAtRest.NONE, "", "none", List.of()));
        });

        FactStore store = collect(List.of(sloppy), Map.of());

        assertThat(store.all(DataStoreEncryption.class)).isEmpty();
        assertThat(store.all(HumanIdentity.class)).hasSize(1);
        assertThat(store.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.provider()).isEqualTo("sloppy");
            assertThat(issue.cause()).isEqualTo(IssueCause.PLUGIN_FAILURE);
            assertThat(issue.message()).contains(DataStoreEncryption.KIND, "does not declare", "dropped");
        });
    }

    @Test
    void aFactAboutAnotherProvidersResourceIsRefusedWithAnIssue() {
        Provider trespasser = provider("trespasser", Set.of(HumanIdentity.KIND), Set.of(),
                (context, sink) -> sink.accept(user("testcloud", "mallory")));

        FactStore store = collect(List.of(trespasser), Map.of());

        assertThat(store.all(HumanIdentity.class)).isEmpty();
        assertThat(store.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.provider()).isEqualTo("trespasser");
            assertThat(issue.message()).contains("testcloud", "testcloud:mallory", "dropped");
        });
    }

    @Test
    void secretOptionValuesAreRedactedFromIssuesEvidenceAndFailures() throws IOException {
        Provider careless = provider("careless", Set.of(HumanIdentity.KIND), Set.of("token"), (context, sink) -> {
            String token = context.option("token").orElseThrow();
            context.recordEvidence(new RawEvidence("careless", "api", "Whoami", "", Map.of(), 200, "text/plain",
                    "you are " + token));
            sink.issue(new CollectionIssue("careless", "acct", "", null, "api:List", Set.of(HumanIdentity.KIND),
                    IssueCause.ACCESS_DENIED, "token " + token + " lacks scope read:users"
                            + " in " + context.option("region").orElseThrow()));
            throw new IllegalStateException("retrying with " + token + " failed");
        });

        FactStore store = collect(List.of(careless),
                Map.of("careless", Map.of("token", "  " + SECRET + " ", "region", "eu-central-1")));

        assertThat(store.issues()).hasSize(2).allSatisfy(issue ->
                assertThat(issue.message()).doesNotContain(SECRET).contains("[REDACTED]"));
        assertThat(store.issues()).anySatisfy(issue ->
                assertThat(issue.message()).as("options that are not secret stay").contains("eu-central-1"));
        try (Stream<Path> files = Files.list(evidence)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void providersCollectConcurrentlyWithTheirOwnOptionsAndTheScansClock() {
        Map<String, String> seen = new ConcurrentHashMap<>();
        BiConsumer<CollectContext, String> record = (context, id) -> {
            seen.put(id + ".option", context.option("name").orElse("<none>"));
            seen.put(id + ".blank", context.option("blank").orElse("<none>"));
            seen.put(id + ".list", String.join("|", context.optionList("list")));
            seen.put(id + ".clock", context.clock().instant().toString());
            seen.put(id + ".thread", Thread.currentThread().getName());
        };
        Provider one = provider("one", Set.of(HumanIdentity.KIND), Set.of(), (context, sink) -> record.accept(context,
                "one"));
        Provider two = provider("two", Set.of(HumanIdentity.KIND), Set.of(), (context, sink) -> record.accept(context,
                "two"));

        FactStore store = collect(List.of(one, two), Map.of(
                "one", Map.of("name", "  first ", "blank", "   ", "list", "a, b,,c "),
                "two", Map.of("name", "second")));

        assertThat(store.issues()).isEmpty();
        assertThat(seen).containsEntry("one.option", "first").containsEntry("two.option", "second")
                .containsEntry("one.blank", "<none>").containsEntry("one.list", "a|b|c")
                .containsEntry("two.list", "")
                .containsEntry("one.clock", "2026-03-01T12:00:00Z")
                .containsEntry("one.thread", "evidentry-provider-one")
                .containsEntry("two.thread", "evidentry-provider-two");
    }

    @Test
    void theTestCloudReportsItsEstate() {
        FactStore store = collect(List.of(new TestCloudProvider()), Map.of("testcloud", Map.of("issue", "denied")));

        assertThat(store.all(HumanIdentity.class)).extracting(HumanIdentity::login).containsExactly("alice", "ci-bot");
        assertThat(store.all(DataStoreEncryption.class)).extracting(fact -> fact.resource().name())
                .containsExactly("bucket-a");
        assertThat(store.issues()).singleElement().extracting(CollectionIssue::resource)
                .isEqualTo(TestCloudProvider.bucket("bucket-b"));
    }

    private static Provider provider(String id, Set<String> kinds, Set<String> secretOptions,
            BiConsumer<CollectContext, FactSink> body) {
        ProviderDescriptor descriptor = new ProviderDescriptor(id, id, "1.0", kinds,
                Set.of(new ProviderOption("token", "t"), new ProviderOption("region", "r")), secretOptions);
        return new Provider() {
            @Override
            public ProviderDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public void collect(CollectContext context, FactSink sink) {
                body.accept(context, sink);
            }
        };
    }
}
