package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scroll API followed token by token, and a fleet larger than one details batch sharing one policy. */
class FalconScrollTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void followsEachScrollTokenOnceUntilEveryHostIsListed() throws Exception {
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).withQueryParam("offset", WireMock.absent())
                .willReturn(FakeFalcon.json(200, "query-scroll-one-1.json")));
        List<String> tokens = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String token = JSON.readTree(FakeFalcon.fixture("query-scroll-one-" + page + ".json"))
                    .path("meta").path("pagination").path("offset").asText();
            tokens.add(token);
            falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).withQueryParam("offset", equalTo(token))
                    .willReturn(FakeFalcon.json(200, "query-scroll-one-" + (page + 1) + ".json")));
        }
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("falcon-page-size", "1");
        CollectionResult result = falcon.collect(options);

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(EndpointProtection.class)).hasSize(4);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH)))).isEqualTo(4);
        for (String token : tokens) {
            assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH))
                    .withQueryParam("offset", equalTo(token)).withQueryParam("limit", equalTo("1")))).isEqualTo(1);
        }
        // The last page's token is not followed: every one of the four hosts is listed.
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.DETAILS_PATH))
                .withQueryParam("ids", WireMock.havingExactly("0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                        "1b2c3d4e5f60718293a4b5c6d7e8f90a", "2c3d4e5f60718293a4b5c6d7e8f90a1b",
                        "3d4e5f60718293a4b5c6d7e8f90a1b2c")))).isEqualTo(1);
    }

    @Test
    void aPageWhoseTokenDoesNotAdvanceIsMalformedAndTheHostsListedSoFarAreKept() throws Exception {
        String first = JSON.readTree(FakeFalcon.fixture("query-scroll-one-1.json")).path("meta").path("pagination")
                .path("offset").asText();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).withQueryParam("offset", WireMock.absent())
                .willReturn(FakeFalcon.json(200, "query-scroll-one-1.json")));
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).withQueryParam("offset", equalTo(first))
                .willReturn(FakeFalcon.json(200, "query-scroll-one-1.json")));
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("falcon-page-size", "1");
        CollectionResult result = falcon.collect(options);
        assertThat(result.issues()).singleElement().satisfies(issue -> assertThat(issue.message())
                .contains("the scroll offset did not advance after 1 of 4 hosts")
                .endsWith("1 host ids were listed before it, the others are missing"));
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH)))).isEqualTo(2);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).withQueryParam("ids",
                WireMock.havingExactly("0a1b2c3d4e5f60718293a4b5c6d7e8f9")))).isEqualTo(1);
    }

    @Test
    void hostsInSeveralDetailsBatchesShareOnePolicyReadOnce() throws Exception {
        int hosts = FalconHosts.BATCH_SIZE + 50;
        ObjectNode template = (ObjectNode) JSON.readTree(FakeFalcon.fixture("devices.json")).path("resources").get(0);
        List<String> ids = new ArrayList<>();
        ArrayNode first = JSON.createArrayNode();
        ArrayNode second = JSON.createArrayNode();
        for (int i = 0; i < hosts; i++) {
            String id = String.format("%032x", 0xF000 + i);
            ids.add(id);
            ObjectNode device = template.deepCopy();
            device.put("device_id", id).put("hostname", "mac-" + i).put("serial_number", "C02FLEET" + i);
            (i < FalconHosts.BATCH_SIZE ? first : second).add(device);
        }
        ObjectNode page = (ObjectNode) JSON.readTree(FakeFalcon.fixture("query-scroll-2.json"));
        page.set("resources", JSON.valueToTree(ids));
        ((ObjectNode) page.path("meta").path("pagination")).put("total", hosts).put("limit", 5000);
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).withQueryParam("offset", WireMock.absent())
                .willReturn(WireMock.okJson(page.toString())));
        ObjectNode details = (ObjectNode) JSON.readTree(FakeFalcon.fixture("devices.json"));
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).atPriority(2)
                .willReturn(WireMock.okJson(details.deepCopy().set("resources", first).toString())));
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).atPriority(1)
                .withQueryParam("ids", equalTo(ids.get(FalconHosts.BATCH_SIZE)))
                .willReturn(WireMock.okJson(details.deepCopy().set("resources", second).toString())));
        Map<String, String> options = new HashMap<>(falcon.options());
        options.remove("falcon-page-size");
        CollectionResult result = falcon.collect(options);

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(EndpointProtection.class)).hasSize(hosts)
                .allSatisfy(host -> assertThat(host.protection()).isEqualTo(ProtectionState.ACTIVE));
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH))
                .withQueryParam("limit", equalTo("5000")))).isEqualTo(1);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.DETAILS_PATH)))).isEqualTo(2);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.POLICIES_PATH))
                .withQueryParam("ids", WireMock.havingExactly("9f8e7d6c5b4a39281706f5e4d3c2b1a0")))).isEqualTo(1);
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.POLICIES_PATH)))).isEqualTo(1);
    }

    @Test
    void aPageLargerThanTheScrollAllowsIsAConfigurationIssue() {
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("falcon-page-size", "10001");
        CollectionResult result = falcon.collect(options);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(dev.evidentry.spi.IssueCause.CONFIGURATION);
            assertThat(issue.message()).contains("falcon-page-size", "10000");
        });
        assertThat(falcon.count(getRequestedFor(urlPathEqualTo(FakeFalcon.QUERY_PATH)))).isZero();
    }
}
