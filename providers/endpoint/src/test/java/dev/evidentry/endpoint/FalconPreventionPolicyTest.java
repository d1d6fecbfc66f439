package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The applied prevention policy's own settings decide whether a Falcon host is protected. */
class FalconPreventionPolicyTest {

    private FakeFalcon falcon;

    @BeforeEach
    void start() {
        falcon = new FakeFalcon().baseline();
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    @Test
    void aDisabledPolicyOrOneThatOnlyDetectsLeavesItsHostsInactive() {
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.POLICIES_PATH)).willReturn(FakeFalcon.json(200,
                "prevention-policies-weak.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.issues()).isEmpty();
        Map<String, EndpointProtection> hosts = OsqueryProviderTest.byId(result.facts(EndpointProtection.class));
        assertThat(hosts.get(FalconProviderTest.ALICE)).extracting(EndpointProtection::protection,
                EndpointProtection::detail).containsExactly(ProtectionState.INACTIVE, "prevention policy "
                        + "\"Workstations - Mac\" (9f8e7d6c5b4a39281706f5e4d3c2b1a0) applied "
                        + "2025-11-02T09:16:03.987654321Z is disabled");
        assertThat(hosts.get(FalconProviderTest.CAROL)).extracting(EndpointProtection::protection,
                EndpointProtection::detail).containsExactly(ProtectionState.INACTIVE, "prevention policy "
                        + "\"Linux hosts\" (7d6c5b4a39281706f5e4d3c2b1a09f8e) applied 2025-11-02T09:16:03.987654321Z "
                        + "prevents no malware: Cloud Anti-malware prevention DISABLED (detection MODERATE), Sensor "
                        + "Anti-malware prevention DISABLED (detection MODERATE), Quarantine off");
        assertThat(hosts.get(FalconProviderTest.CAROL).evidence()).extracting(result::evidenceJson)
                .anySatisfy(json -> assertThat(json).contains("\"operation\" : \"getPreventionPolicies\""));
    }

    @Test
    void aClientWithoutPreventionPoliciesReadIsOneIssueForProtectionAndTheHostsAreUnknown() {
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.POLICIES_PATH)).willReturn(FakeFalcon.json(403,
                "access-denied.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.factKinds()).isEqualTo(Set.of(EndpointProtection.KIND));
            assertThat(issue.operation()).isEqualTo("falcon:getPreventionPolicies");
            assertThat(issue.message()).contains("access denied, authorization failed",
                    "add the API scope Prevention policies: Read");
        });
        Map<String, EndpointProtection> hosts = OsqueryProviderTest.byId(result.facts(EndpointProtection.class));
        assertThat(hosts.get(FalconProviderTest.ALICE).protection()).isEqualTo(ProtectionState.UNKNOWN);
        assertThat(hosts.get(FalconProviderTest.ALICE).detail()).startsWith("prevention policy "
                + "9f8e7d6c5b4a39281706f5e4d3c2b1a0 applied 2025-11-02T09:16:03.987654321Z, but the API client may "
                + "not read prevention policies (HTTP 403");
        assertThat(hosts.get(FalconProviderTest.CAROL).protection()).isEqualTo(ProtectionState.UNKNOWN);
        // What the hosts' own details show still counts, and so do their other facts.
        assertThat(hosts.get(FalconProviderTest.BOB).protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(hosts.get(FalconProviderTest.BUILD).protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(result.facts(EndpointOperatingSystem.class)).hasSize(4);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.POLICIES_PATH)))).isEqualTo(1);
    }

    @Test
    void aPolicyAnswerThatIsNotTheDocumentedJsonIsMalformedAndItsHostsUnknown() {
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.POLICIES_PATH)).willReturn(WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"meta\": {}}")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.factKinds()).isEqualTo(Set.of(EndpointProtection.KIND));
            assertThat(issue.message()).startsWith("the answer has no resources array (evidence ");
        });
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(FalconProviderTest.ALICE)
                .protection()).isEqualTo(ProtectionState.UNKNOWN);
    }

    @Test
    void aPolicyFalconDoesNotReturnLeavesItsHostsUnknownWithoutAnIssue() {
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.POLICIES_PATH)).willReturn(FakeFalcon.json(200,
                "prevention-policies-none.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.issues()).isEmpty();
        EndpointProtection alice = OsqueryProviderTest.byId(result.facts(EndpointProtection.class))
                .get(FalconProviderTest.ALICE);
        assertThat(alice.protection()).isEqualTo(ProtectionState.UNKNOWN);
        assertThat(alice.detail()).contains("but Falcon returned no prevention policy "
                + "9f8e7d6c5b4a39281706f5e4d3c2b1a0 (evidence ");
    }

    @Test
    void aThrottledPolicyCallWaitsThroughTheSleeperAndIsAskedOnceMore() {
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.POLICIES_PATH)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(FakeFalcon.json(429, "too-many-requests.json")
                        .withHeader("X-RateLimit-RetryAfter", String.valueOf(FakeFalcon.NOW + 4)))
                .willSetStateTo("reset"));
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.POLICIES_PATH)).inScenario("limit")
                .whenScenarioStateIs("reset").willReturn(FakeFalcon.json(200, "prevention-policies.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.issues()).isEmpty();
        assertThat(falcon.sleeps).containsExactly(java.time.Duration.ofSeconds(4));
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.POLICIES_PATH)))).isEqualTo(2);
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(FalconProviderTest.ALICE)
                .protection()).isEqualTo(ProtectionState.ACTIVE);
    }
}
