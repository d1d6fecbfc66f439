package dev.evidentry.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.testplugin.EncryptionCheck;
import dev.evidentry.core.testplugin.MfaCheck;
import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String ACCOUNT = TestCloudProvider.ACCOUNT;
    private static final String REGION = TestCloudProvider.REGION;
    private static final EvidenceId EVIDENCE = new EvidenceId("ab".repeat(32));

    private static HumanIdentity user(String name, MfaState mfa) {
        return new HumanIdentity(TestCloudProvider.user(name), name, true, true, mfa,
                mfa == MfaState.NONE ? MfaMethod.NONE : MfaMethod.AUTHENTICATOR_APP, List.of(EVIDENCE));
    }

    private static DataStoreEncryption bucket(String name, EncryptionAtRest encryption) {
        return new DataStoreEncryption(TestCloudProvider.bucket(name), encryption, "", encryption.name(),
                List.of(EVIDENCE));
    }

    private static FactStore store(List<?> factsAndIssues) {
        FactStore store = new FactStore(CLOCK);
        for (Object item : factsAndIssues) {
            if (item instanceof CollectionIssue issue) {
                store.add(issue);
            } else {
                store.add((dev.evidentry.spi.Fact) item);
            }
        }
        store.freeze();
        return store;
    }

    private static List<Finding> evaluate(List<Check> checks, FactStore store) {
        List<Finding> findings = new ArrayList<>();
        new Evaluator(checks).evaluate(store, (check, finding) -> {
            assertThat(finding.checkId()).as("the sink hears the descriptor of the finding's check")
                    .isEqualTo(check.id());
            findings.add(finding);
        });
        return findings;
    }

    private static Finding on(List<Finding> findings, ResourceRef resource) {
        return findings.stream().filter(finding -> finding.resource().equals(resource)).findFirst().orElseThrow();
    }

    @Test
    void judgesTheFactsAsTheCheckSays() {
        List<Finding> findings = evaluate(List.of(new MfaCheck()),
                store(List.of(user("alice", MfaState.NONE), user("bob", MfaState.ENFORCED))));

        assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.FAIL, Outcome.PASS);
        assertThat(findings.get(0).evidence()).containsExactly(EVIDENCE);
    }

    @Test
    void aResourceLevelIssueReplacesTheChecksFindingForThatResourceWithAnError() {
        CollectionIssue denied = CollectionIssue.forResource(TestCloudProvider.user("alice"), "iam:ListMFADevices",
                Set.of(HumanIdentity.KIND), IssueCause.ACCESS_DENIED, "User: ci is not authorized");

        List<Finding> findings = evaluate(List.of(new MfaCheck()),
                store(List.of(user("alice", MfaState.NONE), user("bob", MfaState.ENFORCED), denied)));

        assertThat(findings).hasSize(2);
        Finding alice = on(findings, TestCloudProvider.user("alice"));
        assertThat(alice.outcome()).as("never the FAIL computed from incomplete facts").isEqualTo(Outcome.ERROR);
        assertThat(alice.checkId()).isEqualTo(MfaCheck.ID);
        assertThat(alice.message()).as("the form docs/evidence-bundle.md documents").isEqualTo(
                "Could not evaluate: iam:ListMFADevices " + IssueCause.ACCESS_DENIED.label()
                        + ": User: ci is not authorized (" + IssueCause.ACCESS_DENIED.advice() + ")");
        assertThat(on(findings, TestCloudProvider.user("bob")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aResourceLevelIssueGivesAnErrorEvenWhenNoFactAboutTheResourceArrived() {
        CollectionIssue timeout = CollectionIssue.forResource(TestCloudProvider.user("carol"), "iam:GetUser",
                Set.of(HumanIdentity.KIND), IssueCause.TIMEOUT, "read timed out");

        List<Finding> findings = evaluate(List.of(new MfaCheck()), store(List.of(user("bob", MfaState.ENFORCED),
                timeout)));

        assertThat(findings).extracting(Finding::resource, Finding::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TestCloudProvider.user("bob"), Outcome.PASS),
                org.assertj.core.groups.Tuple.tuple(TestCloudProvider.user("carol"), Outcome.ERROR));
    }

    @Test
    void aScopeLevelIssueAddsOneErrorOnTheScopeAndKeepsTheOtherFindings() {
        CollectionIssue throttledRegion = new CollectionIssue("testcloud", ACCOUNT, REGION, null,
                "storage:ListBuckets", Set.of(DataStoreEncryption.KIND), IssueCause.THROTTLED, "Rate exceeded");
        CollectionIssue sameAgain = new CollectionIssue("testcloud", ACCOUNT, REGION, null,
                "storage:ListBuckets", Set.of(DataStoreEncryption.KIND), IssueCause.THROTTLED, "Rate exceeded");

        List<Finding> findings = evaluate(List.of(new EncryptionCheck()), store(List.of(
                bucket("bucket-a", EncryptionAtRest.NONE), bucket("bucket-b", EncryptionAtRest.CUSTOMER_KEY),
                throttledRegion, sameAgain)));

        assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.FAIL, Outcome.PASS, Outcome.ERROR);
        Finding scope = findings.get(2);
        assertThat(scope.resource()).isEqualTo(new ResourceRef("testcloud", ACCOUNT, REGION, "testcloud.region",
                ACCOUNT + "/" + REGION, REGION));
        assertThat(scope.message()).contains("storage:ListBuckets", "throttled past the retries", "Rate exceeded",
                "lower --concurrency");
        assertThat(scope.message().split("Rate exceeded", -1)).as("one reason per distinct failure").hasSize(2);
    }

    @Test
    void distinctFailuresOfOneScopeAreListedInOneErrorSeparatedBySemicolons() {
        CollectionIssue listDenied = new CollectionIssue("testcloud", ACCOUNT, REGION, null, "storage:ListBuckets",
                Set.of(DataStoreEncryption.KIND), IssueCause.ACCESS_DENIED, "no list");
        CollectionIssue regionDown = new CollectionIssue("testcloud", ACCOUNT, REGION, null, "storage:GetRegion",
                Set.of(DataStoreEncryption.KIND), IssueCause.SERVER_ERROR, "503");

        List<Finding> findings = evaluate(List.of(new EncryptionCheck()), store(List.of(listDenied, regionDown)));

        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("Could not evaluate: "
                + "storage:GetRegion the vendor's service failed: 503 (" + IssueCause.SERVER_ERROR.advice() + "); "
                + "storage:ListBuckets access denied: no list (" + IssueCause.ACCESS_DENIED.advice() + ")");
    }

    @Test
    void scopesWithoutARegionOrAnAccountNameTheAccountOrTheProvider() {
        CollectionIssue account = new CollectionIssue("testcloud", ACCOUNT, "", null, "iam:ListUsers",
                Set.of(HumanIdentity.KIND), IssueCause.SERVER_ERROR, "InternalFailure");
        CollectionIssue provider = new CollectionIssue("alpha-saas", "", "", null, "alpha-saas:collect",
                Set.of(HumanIdentity.KIND), IssueCause.PLUGIN_FAILURE, "provider alpha-saas stopped");

        List<Finding> findings = evaluate(List.of(new MfaCheck()), store(List.of(account, provider)));

        assertThat(findings).extracting(Finding::resource).containsExactly(
                ResourceRef.global("alpha-saas", "", "alpha-saas.provider", "alpha-saas", "alpha-saas"),
                ResourceRef.global("testcloud", ACCOUNT, "testcloud.account", ACCOUNT, ACCOUNT));
        assertThat(findings).extracting(Finding::outcome).containsOnly(Outcome.ERROR);
    }

    @Test
    void issuesAboutKindsTheCheckDoesNotNeedAreIgnored() {
        CollectionIssue storageDenied = new CollectionIssue("testcloud", ACCOUNT, REGION, null, "storage:ListBuckets",
                Set.of(DataStoreEncryption.KIND), IssueCause.ACCESS_DENIED, "denied");
        CollectionIssue aboutAlice = CollectionIssue.forResource(TestCloudProvider.user("alice"),
                "iam:GetLoginProfile", Set.of("testcloud.iam.login-profile"), IssueCause.ACCESS_DENIED, "denied");

        List<Finding> findings = evaluate(List.of(new MfaCheck()),
                store(List.of(user("alice", MfaState.NONE), storageDenied, aboutAlice)));

        assertThat(findings).singleElement().extracting(Finding::outcome).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aCheckThatThrowsPartWayKeepsWhatItSaidAndAddsAnError() {
        Check throwing = check("test.throwing.check", facts -> facts.all(HumanIdentity.class).map(user -> {
            if (user.login().equals("bob")) {
                throw new IllegalStateException("bob broke me");
            }
            return Finding.pass(descriptor("test.throwing.check"), user, "fine");
        }));

        List<Finding> findings = evaluate(List.of(throwing, new MfaCheck()),
                store(List.of(user("alice", MfaState.ENFORCED), user("bob", MfaState.ENFORCED))));

        assertThat(findings).extracting(Finding::checkId, Finding::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test.throwing.check", Outcome.PASS),
                org.assertj.core.groups.Tuple.tuple("test.throwing.check", Outcome.ERROR),
                org.assertj.core.groups.Tuple.tuple(MfaCheck.ID, Outcome.PASS),
                org.assertj.core.groups.Tuple.tuple(MfaCheck.ID, Outcome.PASS));
        Finding error = findings.get(1);
        assertThat(error.message()).contains("after 1 finding", "IllegalStateException", "bob broke me");
        assertThat(error.resource().type()).isEqualTo("evidentry.check");
        assertThat(error.resource().nativeId()).isEqualTo("test.throwing.check");
    }

    @Test
    void aCheckThatThrowsBeforeReturningAStreamYieldsAnError() {
        Check throwing = check("test.eager.check", facts -> {
            throw new UnsupportedOperationException("not today");
        });

        List<Finding> findings = evaluate(List.of(throwing), store(List.of(user("alice", MfaState.ENFORCED))));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(finding.message()).contains("UnsupportedOperationException", "not today");
        });
    }

    @Test
    void findingsForAnotherCheckAreRefused() {
        Check impostor = check("test.impostor.check", facts -> facts.all(HumanIdentity.class)
                .map(user -> Finding.pass(new MfaCheck().descriptor(), user, "not mine to say")));

        List<Finding> findings = evaluate(List.of(impostor), store(List.of(user("alice", MfaState.ENFORCED))));

        assertThat(findings).extracting(Finding::checkId).containsOnly("test.impostor.check");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(finding.message()).contains(MfaCheck.ID);
        });
    }

    @Test
    void theOrderOfFindingsDoesNotDependOnTheOrderFactsAndIssuesArrivedIn() {
        List<Object> items = new ArrayList<>(List.of(
                user("alice", MfaState.NONE), user("bob", MfaState.ENFORCED), user("carol", MfaState.UNKNOWN),
                user("dave", MfaState.ENROLLED),
                bucket("bucket-a", EncryptionAtRest.NONE), bucket("bucket-b", EncryptionAtRest.PROVIDER_KEY),
                CollectionIssue.forResource(TestCloudProvider.user("bob"), "iam:ListMFADevices",
                        Set.of(HumanIdentity.KIND), IssueCause.THROTTLED, "slow down"),
                CollectionIssue.forResource(TestCloudProvider.user("alice"), "iam:ListMFADevices",
                        Set.of(HumanIdentity.KIND), IssueCause.TIMEOUT, "timed out"),
                new CollectionIssue("testcloud", ACCOUNT, "us-east-1", null, "storage:ListBuckets",
                        Set.of(DataStoreEncryption.KIND), IssueCause.SERVER_ERROR, "503"),
                new CollectionIssue("testcloud", ACCOUNT, REGION, null, "storage:ListBuckets",
                        Set.of(DataStoreEncryption.KIND), IssueCause.SERVER_ERROR, "503")));
        List<Check> checks = List.of(new MfaCheck(), new EncryptionCheck());

        List<Finding> reference = evaluate(checks, store(items));
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(items, new java.util.Random(seed));
            assertThat(evaluate(checks, store(items))).as("shuffled with seed %d", seed).isEqualTo(reference);
        }
        assertThat(reference).extracting(finding -> finding.resource().name() + ":" + finding.outcome())
                .containsExactly("carol:ERROR", "dave:PASS", "alice:ERROR", "bob:ERROR",
                        "bucket-a:FAIL", "bucket-b:PASS", "eu-west-1:ERROR", "us-east-1:ERROR");
    }

    private static CheckDescriptor descriptor(String id) {
        return new CheckDescriptor(id, "Test " + id, Severity.MEDIUM, Set.of(HumanIdentity.KIND), List.of("CC6.1"),
                new CheckHelp("risk", "remediation"));
    }

    private static Check check(String id, Function<Facts, Stream<Finding>> body) {
        CheckDescriptor descriptor = descriptor(id);
        return new Check() {
            @Override
            public CheckDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Stream<Finding> evaluate(Facts facts) {
                return body.apply(facts);
            }
        };
    }
}
