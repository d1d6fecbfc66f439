package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Intune and Defender for Endpoint in one scan, loaded through ServiceLoader: one app, two audiences, one fleet. */
class MicrosoftMatchedSourcesTest {

    private static FakeMicrosoft microsoft;
    private static CollectionResult result;

    @BeforeAll
    static void scan() {
        microsoft = new FakeMicrosoft().baseline();
        result = ProviderTestKit.load("endpoint").collect(microsoft.options("intune,defender"));
    }

    @AfterAll
    static void stop() {
        microsoft.close();
    }

    @Test
    void aLaptopSeenByIntuneAndDefenderIsOneDeviceWithBothReadings() {
        assertThat(result.issues()).isEmpty();
        Map<String, EndpointProtection> protections = OsqueryProviderTest.byId(
                result.facts(EndpointProtection.class));
        // Defender's grace-laptop.contoso.com has no serial number: it joins Intune's GRACE-LAPTOP by host name.
        assertThat(protections).doesNotContainKey(DefenderProviderTest.GRACE);
        EndpointProtection grace = protections.get(IntuneProviderTest.GRACE);
        assertThat(grace.protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(grace.evidence()).hasSize(3);
        assertThat(grace.detail()).startsWith("defender active (onboarded, sensor active").contains(
                "; intune active (real-time protection on");
        EndpointOperatingSystem system = OsqueryProviderTest.byId(result.facts(EndpointOperatingSystem.class))
                .get(IntuneProviderTest.GRACE);
        // The staler of the two reports is the device's.
        assertThat(system.lastReported()).isEqualTo(Instant.parse("2025-12-31T20:02:11.3302101Z"));
        assertThat(protections).containsKeys(IntuneProviderTest.HEIDI, DefenderProviderTest.PEGGY,
                DefenderProviderTest.OSCAR);
    }

    @Test
    void eachApiGetsItsOwnAudiencesTokenFetchedOnceAndNoSecretOrTokenIsStored() {
        // The fake's Graph and Defender stubs accept only their own audience's token: no issue means none was mixed.
        assertThat(microsoft.count(postRequestedFor(urlPathEqualTo(FakeMicrosoft.TOKEN_PATH)))).isEqualTo(2);
        assertThat(result.allStoredText()).doesNotContain(FakeMicrosoft.CLIENT_SECRET,
                FakeMicrosoft.token("entra/token-graph.json"), FakeMicrosoft.token("entra/token-defender.json"),
                "client_secret").contains(MicrosoftTokens.GRAPH_SCOPE, MicrosoftTokens.DEFENDER_SCOPE);
    }
}
