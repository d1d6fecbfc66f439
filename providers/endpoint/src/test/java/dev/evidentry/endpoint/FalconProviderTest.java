package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.evidentry.spi.ProviderDescriptor;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider loaded through {@code ServiceLoader} against WireMock answering with Falcon's documented shapes. */
class FalconProviderTest {

    static final String ALICE = "serial/C02ALICE0001";
    static final String BOB = "serial/PF3BOB01";
    static final String BUILD = "hostname/build-01";
    static final String CAROL = "hostname/carol-ubuntu";

    private static FakeFalcon falcon;
    private static CollectionResult result;

    @BeforeAll
    static void scan() {
        falcon = new FakeFalcon().baseline();
        result = ProviderTestKit.load("endpoint").collect(falcon.options());
    }

    @AfterAll
    static void stop() {
        falcon.close();
    }

    @Test
    void isRegisteredWithItsKindsOptionsAndSecretOption() {
        ProviderDescriptor descriptor = ProviderTestKit.load("endpoint").provider().descriptor();
        assertThat(descriptor.factKinds()).containsExactlyInAnyOrder(EndpointProtection.KIND,
                "endpoint.disk-encryption", "endpoint.screen-lock", EndpointOperatingSystem.KIND);
        assertThat(descriptor.secretOptions()).containsExactlyInAnyOrder("falcon-client-secret", "jamf-client-secret",
                "microsoft-client-secret");
        assertThat(descriptor.options()).extracting(ProviderDescriptor.ProviderOption::key).contains(
                "osquery-results", "falcon-base-url", "falcon-client-id", "falcon-client-secret", "jamf-url",
                "jamf-client-id", "jamf-client-secret", "jamf-page-size", "microsoft-tenant-id", "microsoft-client-id",
                "microsoft-client-secret", "microsoft-sources", "intune-protection-concurrency", "defender-api-url");
    }

    @Test
    void aHostWithAnAppliedPreventionPolicyIsProtected() {
        EndpointProtection alice = OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(ALICE);
        assertThat(alice.protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(alice.agent()).isEqualTo("CrowdStrike Falcon 7.18.18607.0");
        assertThat(alice.hostname()).isEqualTo("alice-mbp");
        assertThat(alice.serialNumber()).isEqualTo("C02ALICE0001");
        assertThat(alice.lastReported()).isEqualTo(Instant.parse("2025-12-31T23:40:12Z"));
        assertThat(alice.detail()).isEqualTo("prevention policy \"Workstations - Mac\" "
                + "(9f8e7d6c5b4a39281706f5e4d3c2b1a0) applied 2025-11-02T09:16:03.987654321Z: Cloud Anti-malware "
                + "prevention MODERATE (detection MODERATE), Sensor Anti-malware prevention MODERATE (detection "
                + "MODERATE), Quarantine on");
        // The host's details and its policy, each a response of its own.
        assertThat(alice.evidence()).hasSize(2);
    }

    @Test
    void aPolicyNotYetAppliedOrReducedFunctionalityModeIsNotProtection() {
        Map<String, EndpointProtection> hosts = OsqueryProviderTest.byId(result.facts(EndpointProtection.class));
        assertThat(hosts).containsOnlyKeys(ALICE, BOB, BUILD, CAROL);
        assertThat(hosts.get(BOB).protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(hosts.get(BOB).detail()).isEqualTo("prevention policy 8e7d6c5b4a39281706f5e4d3c2b1a09f is "
                + "assigned but not applied");
        assertThat(hosts.get(BUILD).protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(hosts.get(BUILD).detail()).isEqualTo("the sensor runs in reduced functionality mode");
        assertThat(hosts.get(CAROL).protection()).isEqualTo(ProtectionState.ACTIVE);
    }

    @Test
    void theOperatingSystemAndLastSeen() {
        Map<String, EndpointOperatingSystem> systems =
                OsqueryProviderTest.byId(result.facts(EndpointOperatingSystem.class));
        assertThat(systems.get(BOB)).extracting(EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                EndpointOperatingSystem::version).containsExactly("windows", "Windows 11 Pro", "10.0.22631 (Windows 11)");
        assertThat(systems.get(BUILD).lastReported()).isEqualTo(Instant.parse("2025-12-02T03:11:09Z"));
        assertThat(systems.get(BUILD).platform()).isEqualTo("linux");
        assertThat(systems.get(ALICE).detail()).isEqualTo("build 23G93, last seen by Falcon 2025-12-31T23:40:12Z");
    }

    @Test
    void pagesThroughEveryIdOnceAndAsksForTheDetailsOfAllOfThemInOneBatch() {
        assertThat(result.issues()).isEmpty();
        assertThat(falcon.count(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(WireMock.containing("client_id=" + FakeFalcon.CLIENT_ID)))).isEqualTo(1);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH))
                .withQueryParam("offset", WireMock.absent()).withQueryParam("limit", equalTo("2"))
                .withQueryParam("sort", equalTo("device_id.asc")))).isEqualTo(1);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH))
                .withQueryParam("offset", equalTo(FakeFalcon.SECOND_PAGE)))).isEqualTo(1);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH)))).isEqualTo(2);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.DETAILS_PATH))
                .withQueryParam("ids", equalTo("3d4e5f60718293a4b5c6d7e8f90a1b2c"))
                .withHeader("Authorization", equalTo("Bearer " + FakeFalcon.TOKEN)))).isEqualTo(1);
        assertThat(falcon.count(FakeFalcon.anyDeviceCall())).isEqualTo(3);
        // One call for the two applied policies; bob's is not applied and build-01 has none.
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.POLICIES_PATH))
                .withQueryParam("ids", WireMock.havingExactly("9f8e7d6c5b4a39281706f5e4d3c2b1a0",
                        "7d6c5b4a39281706f5e4d3c2b1a09f8e")))).isEqualTo(1);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.POLICIES_PATH)))).isEqualTo(1);
    }

    @Test
    void everyResponseIsEvidenceAndNeitherSecretNorTokenIsStored() {
        // token, two pages, one batch of details, one batch of prevention policies
        assertThat(result.evidenceCount()).isEqualTo(5);
        EndpointProtection alice = OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(ALICE);
        assertThat(alice.evidence()).extracting(result::evidenceJson)
                .anySatisfy(json -> assertThat(json).contains("\"operation\" : \"GetDeviceDetailsV2\"",
                        "\"service\" : \"falcon\"", "C02ALICE0001"))
                .anySatisfy(json -> assertThat(json).contains("\"operation\" : \"getPreventionPolicies\"",
                        "Workstations - Mac"));
        assertThat(result.allStoredText()).doesNotContain(FakeFalcon.CLIENT_SECRET, FakeFalcon.TOKEN)
                .contains("oauth2AccessToken", FakeFalcon.CLIENT_ID);
    }
}
