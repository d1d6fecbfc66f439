package dev.evidentry.okta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.evidentry.okta.FakeOkta.ALICE;
import static dev.evidentry.okta.FakeOkta.BOB;
import static dev.evidentry.okta.FakeOkta.CAROL;
import static dev.evidentry.okta.FakeOkta.DAVE;
import static dev.evidentry.okta.FakeOkta.USABLE;
import static dev.evidentry.okta.FakeOkta.error;
import static dev.evidentry.okta.FakeOkta.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.okta.OktaAdmin;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaPasswordPolicy;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import dev.evidentry.spi.fact.okta.OktaUser;
import dev.evidentry.spi.fact.okta.OktaUserFactors;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.LocalhostTls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rejected, denied, failing, slow and garbled answers: each gives a collection issue with the right cause, on the
 * right resource, for exactly the kinds it cost, and never a guessed fact of those kinds.
 */
class OktaFaultTest {

    private static final Pattern EVIDENCE = Pattern.compile("evidence ([0-9a-f]{64})");

    private static FakeOkta okta;
    private OktaHarness harness;

    @BeforeAll
    static void startWireMock() {
        okta = FakeOkta.start();
    }

    @AfterAll
    static void stopWireMock() {
        okta.close();
    }

    @BeforeEach
    void setUp() {
        okta.reset();
        okta.baseline();
        harness = new OktaHarness();
    }

    private CollectionResult collect() {
        return collect(Map.of());
    }

    private CollectionResult collect(Map<String, String> extra) {
        Map<String, String> options = okta.options();
        options.put("max-attempts", "2");
        options.putAll(extra);
        return harness.collect(options);
    }

    @Test
    void aRejectedTokenStopsTheScanWithOneIssueThatSaysWhatToSet() {
        okta.fault(FakeOkta.usersPage(null), error(401, "ErrorInvalidTokenProvided"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.operation()).isEqualTo("okta:listUsers");
        assertThat(issue.factKinds()).isEqualTo(OktaProvider.FACT_KINDS);
        assertThat(issue.account()).isEqualTo("localhost");
        assertThat(issue.message()).contains("Invalid token provided").contains("E0000011").contains("HTTP 401")
                .contains("OKTA_API_TOKEN").contains("Read-Only Administrator").doesNotContain(FakeOkta.TOKEN);
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("E0000011");
        assertThat(result.facts()).isEmpty();
        assertThat(okta.count(FakeOkta.usersRequested())).isEqualTo(1); // a 401 is not retried
        assertThat(okta.count(FakeOkta.policiesRequested("PASSWORD"))).isZero();
        assertThat(harness.sleeps).isEmpty();
    }

    @Test
    void deniedFactorsOfAnAdminCostTheirIdentityFactorsAndAdminFactOnly() {
        okta.fault(FakeOkta.factors(BOB), error(403, "ErrorAccessDenied"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("okta:listFactors");
        assertThat(issue.resource().nativeId()).isEqualTo(BOB);
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(HumanIdentity.KIND, OktaUserFactors.KIND,
                OktaAdmin.KIND);
        assertThat(issue.message()).contains("E0000006").contains("HTTP 403");
        assertThat(ids(result.facts(HumanIdentity.class))).doesNotContain(BOB).contains(ALICE, CAROL, DAVE);
        assertThat(ids(result.facts(OktaAdmin.class))).containsExactly(ALICE);
        assertThat(ids(result.facts(OktaUser.class))).contains(BOB); // the listing still says who Bob is
        assertThat(okta.count(FakeOkta.factorsRequested(BOB))).isEqualTo(1);
    }

    @Test
    void aFailedFactorsCallOfAnOrdinaryUserNeverCostsTheAdminCheck() {
        okta.fault(FakeOkta.factors(CAROL), error(500, "ErrorInternalServer"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.resource().nativeId()).isEqualTo(CAROL);
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(HumanIdentity.KIND, OktaUserFactors.KIND);
        assertThat(issue.message()).contains("Internal Server Error").contains("HTTP 500").contains("after 2 attempts");
        assertThat(okta.count(FakeOkta.factorsRequested(CAROL))).isEqualTo(2); // max-attempts
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(ids(result.facts(HumanIdentity.class))).doesNotContain(CAROL);
    }

    @Test
    void aRefusedRolesListingIsOneOrgLevelIssueAndNoAdminIsGuessed() {
        for (String user : USABLE) {
            okta.fault(FakeOkta.roles(user), error(403, "ErrorAccessDenied"));
        }

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("okta:listAssignedRolesForUser");
        assertThat(issue.resource()).isNull();
        assertThat(issue.factKinds()).containsExactly(OktaAdmin.KIND);
        assertThat(issue.message()).contains("admins cannot be told apart");
        assertThat(result.facts(OktaAdmin.class)).isEmpty();
        assertThat(result.facts(HumanIdentity.class)).hasSize(5);
    }

    @Test
    void throttlingWithinTheBoundIsWaitedThroughUntilTheReset() {
        long date = 1_767_225_600L; // 2026-01-01T00:00:00Z
        okta.fault(FakeOkta.policies("PASSWORD").inScenario("throttle")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("reset"), FakeOkta.throttled(date, 42));

        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(42));
        assertThat(result.facts(OktaPasswordPolicy.class)).hasSize(2);
        assertThat(okta.count(FakeOkta.policiesRequested("PASSWORD"))).isEqualTo(2);
    }

    @Test
    void throttlingPastTheBoundStopsCleanlyWithoutWaiting() {
        long date = 1_767_225_600L;
        okta.fault(FakeOkta.policies("OKTA_SIGN_ON"), FakeOkta.throttled(date, 600));

        CollectionResult result = collect(Map.of("max-rate-limit-wait", "PT2M"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.operation()).isEqualTo("okta:listPolicies");
        assertThat(issue.factKinds()).containsExactly(OktaSignOnPolicy.KIND);
        assertThat(issue.message()).contains("E0000047").contains("resets in 600 s").contains("max-rate-limit-wait");
        assertThat(harness.sleeps).isEmpty();
        assertThat(result.facts(OktaSignOnPolicy.class)).isEmpty();
        assertThat(result.facts(OktaAuthenticationPolicy.class)).hasSize(2);
        assertThat(okta.count(FakeOkta.policiesRequested("OKTA_SIGN_ON"))).isEqualTo(1);
    }

    @Test
    void repeatedThrottlingGivesUpAfterTheAllowedWaits() {
        long date = 1_767_225_600L;
        okta.fault(FakeOkta.factors(DAVE), FakeOkta.throttled(date, 10));

        CollectionResult result = collect(Map.of("max-rate-limit-wait", "PT25S"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.resource().nativeId()).isEqualTo(DAVE);
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(okta.count(FakeOkta.factorsRequested(DAVE))).isEqualTo(3);
    }

    @Test
    void aSpentWindowIsWaitedForBeforeTheNextCall() {
        long date = 1_767_225_600L;
        okta.fault(FakeOkta.usersPage(null), json("users/page-1.json")
                .withHeader("Link", "<" + okta.orgUrl() + "/api/v1/users?after=" + BOB + "&limit=2>; rel=\"next\"")
                .withHeader("Date", FakeOkta.httpDate(date)).withHeader("X-Rate-Limit-Limit", "600")
                .withHeader("X-Rate-Limit-Remaining", "0").withHeader("X-Rate-Limit-Reset", Long.toString(date + 7)));

        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(result.facts(OktaUser.class)).hasSize(5);
    }

    @Test
    void aTimeoutIsRetriedThenReportedAsATimeout() {
        okta.fault(FakeOkta.rules(FakeOkta.LEGACY_POLICY), json("rules/" + FakeOkta.LEGACY_POLICY + ".json")
                .withFixedDelay(1500));

        CollectionResult result = collect(Map.of("request-timeout", "PT0.3S"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.TIMEOUT);
        assertThat(issue.operation()).isEqualTo("okta:listPolicyRules");
        assertThat(issue.resource().nativeId()).isEqualTo(FakeOkta.LEGACY_POLICY);
        assertThat(issue.factKinds()).containsExactly(OktaAuthenticationPolicy.KIND);
        assertThat(issue.message()).contains("request-timeout");
        assertThat(ids(result.facts(OktaAuthenticationPolicy.class))).containsExactly(FakeOkta.DASHBOARD_POLICY);
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void malformedJsonIsMalformedNeverAnEmptyListAndIsKeptAsEvidence() {
        okta.fault(FakeOkta.factors(ALICE), json("[{\"id\": \"fwf2rhsTCW2XESIGHTVV\", \"factorType\": "));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.resource().nativeId()).isEqualTo(ALICE);
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(HumanIdentity.KIND, OktaUserFactors.KIND,
                OktaAdmin.KIND);
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("fwf2rhsTCW2XESIGHTVV");
        assertThat(ids(result.facts(HumanIdentity.class))).doesNotContain(ALICE);
        assertThat(okta.count(FakeOkta.factorsRequested(ALICE))).isEqualTo(1); // a garbled body is not retried
    }

    @Test
    void aLaterPageFailingKeepsTheUsersReadAndSaysTheRestAreMissing() {
        okta.fault(FakeOkta.usersPage(DAVE), error(503, "ErrorInternalServer"));

        CollectionResult result = collect(Map.of("max-attempts", "1"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.resource()).isNull();
        assertThat(issue.factKinds()).isEqualTo(UserCollector.KINDS);
        assertThat(issue.message()).contains("4 users were read before it");
        assertThat(ids(result.facts(OktaUser.class))).containsExactlyInAnyOrder(ALICE, BOB, CAROL, DAVE);
        assertThat(result.facts(OktaSignOnPolicy.class)).hasSize(1);
    }

    @Test
    void aClassicEngineOrgHasNoAuthenticationPoliciesAndThatCostsNoFact() {
        okta.fault(FakeOkta.policies("ACCESS_POLICY"), error(400, "ErrorApiValidationFailed"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.UNSUPPORTED);
        assertThat(issue.factKinds()).isEmpty();
        assertThat(issue.message()).contains("Classic Engine");
        assertThat(result.facts(OktaAuthenticationPolicy.class)).isEmpty();
        assertThat(result.facts(OktaSignOnPolicy.class)).hasSize(1);
    }

    @Test
    void aRuleWithoutItsActionsIsMalformedForItsPolicyOnly() {
        okta.fault(FakeOkta.rules(FakeOkta.SESSION_POLICY), json("[{\"id\": \"0pr9broken00000g4\", \"name\": "
                + "\"Broken\", \"type\": \"SIGN_ON\", \"status\": \"ACTIVE\", \"priority\": 1}]"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.resource().nativeId()).isEqualTo(FakeOkta.SESSION_POLICY);
        assertThat(issue.message()).contains("'Broken' has no actions.signon.access");
        assertThat(result.facts(OktaSignOnPolicy.class)).isEmpty();
    }

    @Test
    void anUntrustedCertificateIsAConfigurationProblemNeverAnUnverifiedConnection() {
        CollectionResult result = collect(Map.of("ca-file", LocalhostTls.create().certificatePem().toString(), "max-attempts", "1"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.factKinds()).isEqualTo(OktaProvider.FACT_KINDS);
        assertThat(issue.message()).contains("TLS handshake failed").contains("ca-file");
        assertThat(result.facts()).isEmpty();
    }

    private static List<String> ids(List<? extends dev.evidentry.spi.Fact> facts) {
        return facts.stream().map(fact -> fact.resource().nativeId()).toList();
    }

    private static EvidenceId evidenceIn(CollectionIssue issue) {
        Matcher matcher = EVIDENCE.matcher(issue.message());
        assertThat(matcher.find()).as("evidence named in %s", issue.message()).isTrue();
        return new EvidenceId(matcher.group(1));
    }

    private static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

}
