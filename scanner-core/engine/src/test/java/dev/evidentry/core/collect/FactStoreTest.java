package dev.evidentry.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static HumanIdentity user(String name) {
        return new HumanIdentity(TestCloudProvider.user(name), name, true, true, MfaState.ENFORCED,
                MfaMethod.AUTHENTICATOR_APP, List.of());
    }

    private static DataStoreEncryption bucket(String name) {
        return new DataStoreEncryption(TestCloudProvider.bucket(name), EncryptionAtRest.PROVIDER_KEY, "", "AES256",
                List.of());
    }

    @Test
    void factsOfATypeComeOrderedByResourceWhateverTheOrderTheyArrivedIn() {
        FactStore store = new FactStore(CLOCK);
        store.add(user("carol"));
        store.add(bucket("bucket-b"));
        store.add(user("alice"));
        store.add(bucket("bucket-a"));
        store.add(user("bob"));
        store.freeze();

        assertThat(store.all(HumanIdentity.class)).extracting(HumanIdentity::login)
                .containsExactly("alice", "bob", "carol");
        assertThat(store.all()).extracting(fact -> fact.resource().name())
                .as("global resources (region '') sort before regional ones")
                .containsExactly("alice", "bob", "carol", "bucket-a", "bucket-b");
        assertThat(store.factCount()).isEqualTo(5);
    }

    @Test
    void aSupertypeSeesEveryFactInResourceOrder() {
        FactStore store = new FactStore(CLOCK);
        ResourceRef same = TestCloudProvider.bucket("same");
        store.add(new DataStoreEncryption(same, EncryptionAtRest.NONE, "", "none", List.of()));
        store.add(new HumanIdentity(same, "odd", true, true, MfaState.NONE, MfaMethod.NONE, List.of()));
        store.freeze();

        assertThat(store.all(Fact.class)).extracting(Fact::kind)
                .as("on one resource, by kind")
                .containsExactly(DataStoreEncryption.KIND, HumanIdentity.KIND);
    }

    @Test
    void factsAreReadOnlyAfterCollectionAndOnlyThen() {
        FactStore store = new FactStore(CLOCK);
        store.add(user("alice"));

        assertThatThrownBy(() -> store.all(HumanIdentity.class)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::issues).isInstanceOf(IllegalStateException.class);

        store.freeze();
        store.freeze();

        assertThatThrownBy(() -> store.add(user("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frozen");
        assertThat(store.all(HumanIdentity.class)).hasSize(1);
    }

    @Test
    void checksReadTheScansClock() {
        assertThat(new FactStore(CLOCK).clock()).isSameAs(CLOCK);
    }

    @Test
    void issuesComeInTheSameOrderWhateverTheOrderTheyArrivedIn() {
        ResourceRef bucket = TestCloudProvider.bucket("bucket-a");
        List<CollectionIssue> issues = List.of(
                new CollectionIssue("testcloud", "111122223333", "eu-west-1", null, "storage:ListBuckets",
                        Set.of(DataStoreEncryption.KIND), IssueCause.THROTTLED, "Rate exceeded"),
                new CollectionIssue("alpha-saas", "org-1", "", null, "directory:ListMembers",
                        Set.of(HumanIdentity.KIND), IssueCause.SERVER_ERROR, "502"),
                CollectionIssue.forResource(bucket, "storage:GetBucketEncryption", Set.of(DataStoreEncryption.KIND),
                        IssueCause.ACCESS_DENIED, "denied"),
                // The same failure reported once per fact kind, and once more with another cause: only the kinds
                // and the cause tell these apart.
                CollectionIssue.forResource(bucket, "storage:GetBucketEncryption", Set.of("testcloud.bucket.policy"),
                        IssueCause.ACCESS_DENIED, "denied"),
                CollectionIssue.forResource(bucket, "storage:GetBucketEncryption", Set.of(DataStoreEncryption.KIND),
                        IssueCause.TIMEOUT, "denied"));

        List<CollectionIssue> forwards = frozenIssues(issues);
        List<CollectionIssue> backwards = frozenIssues(reversed(issues));

        assertThat(backwards).isEqualTo(forwards);
        assertThat(forwards).extracting(CollectionIssue::provider)
                .containsExactly("alpha-saas", "testcloud", "testcloud", "testcloud", "testcloud");
    }

    private static List<CollectionIssue> frozenIssues(List<CollectionIssue> issues) {
        FactStore store = new FactStore(CLOCK);
        issues.forEach(store::add);
        store.freeze();
        return store.issues();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
