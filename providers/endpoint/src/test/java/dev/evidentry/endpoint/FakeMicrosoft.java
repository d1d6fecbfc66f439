package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.LocalhostTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One WireMock over HTTPS answering as Microsoft Entra ID's token endpoint, Microsoft Graph (Intune) and the Defender
 * for Endpoint API, with the fixtures of {@code src/test/resources/{entra,intune,defender}} (see their READMEs). The
 * token endpoint gives a different token per audience, and Graph and Defender accept only their own, so a test fails
 * when a token goes to the wrong API.
 */
final class FakeMicrosoft implements AutoCloseable {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT_ID = "0b6f1c2d-3e4a-4b5c-8d9e-0f1a2b3c4d5e";
    static final String CLIENT_SECRET = "Xq8Q~evidentry.test-SECRET_value~0123456789ab";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    static final String DEVICES_PATH = "/v1.0/deviceManagement/managedDevices";
    static final String GRACE = "a1c3e5f7-0b2d-4f6a-9b8c-7d6e5f4a3b2c";
    static final String HEIDI = "b2d4f6a8-1c3e-4a5b-8c7d-9e0f1a2b3c4d";
    static final String IVAN = "c3e5a7b9-2d4f-4b6c-9d8e-0f1a2b3c4d5e";
    static final Map<String, String> PROTECTION_FIXTURES = Map.of(GRACE, "protection-grace.json",
            HEIDI, "protection-heidi.json", IVAN, "protection-ivan.json");

    /** Stubs for faults win over the baseline's. */
    static final int FAULT = 1;
    private static final int BASELINE = 10;

    final WireMockServer server;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeMicrosoft() {
        LocalhostTls tls = LocalhostTls.shared();
        server = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(tls.keyStore().toString())
                .keystorePassword(LocalhostTls.PASSWORD).keyManagerPassword(LocalhostTls.PASSWORD)
                .keystoreType("PKCS12").containerThreads(20));
        server.start();
    }

    String baseUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    /** Tokens for both audiences, Intune's two pages and three protection states, Defender's two pages and AV info. */
    FakeMicrosoft baseline() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(BASELINE)
                .withRequestBody(containing(encode(MicrosoftTokens.GRAPH_SCOPE)))
                .willReturn(token(200, "entra/token-graph.json")));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(BASELINE)
                .withRequestBody(containing(encode(MicrosoftTokens.DEFENDER_SCOPE)))
                .willReturn(token(200, "entra/token-defender.json")));
        server.stubFor(graph(get(urlPathEqualTo(DEVICES_PATH)).withQueryParam("$skiptoken", absent()))
                .atPriority(BASELINE).willReturn(linked("intune/managed-devices-page-1.json")));
        server.stubFor(graph(get(urlPathEqualTo(DEVICES_PATH)).withQueryParam("$skiptoken", matching(".+")))
                .atPriority(BASELINE).willReturn(json(200, "intune/managed-devices-page-2.json")));
        PROTECTION_FIXTURES.forEach((device, fixture) -> server.stubFor(graph(get(urlPathEqualTo(protectionPath(
                device)))).atPriority(BASELINE).willReturn(json(200, "intune/" + fixture))));
        server.stubFor(defender(get(urlPathEqualTo("/api/machines")).withQueryParam("$skiptoken", absent()))
                .atPriority(BASELINE).willReturn(linked("defender/machines-page-1.json")));
        server.stubFor(defender(get(urlPathEqualTo("/api/machines")).withQueryParam("$skiptoken", matching(".+")))
                .atPriority(BASELINE).willReturn(json(200, "defender/machines-page-2.json")));
        server.stubFor(defender(get(urlPathEqualTo("/api/deviceavinfo"))).atPriority(BASELINE)
                .willReturn(json(200, "defender/deviceavinfo.json")));
        return this;
    }

    static String protectionPath(String device) {
        return DEVICES_PATH + "/" + device + "/windowsProtectionState";
    }

    /** A Graph call as the fake accepts it: with Graph's token only. */
    static MappingBuilder graph(MappingBuilder call) {
        return call.withHeader("Authorization", equalTo("Bearer " + token("entra/token-graph.json")));
    }

    static MappingBuilder defender(MappingBuilder call) {
        return call.withHeader("Authorization", equalTo("Bearer " + token("entra/token-defender.json")));
    }

    /** Makes one call answer differently from the baseline. */
    FakeMicrosoft fault(MappingBuilder call, ResponseDefinitionBuilder response) {
        server.stubFor(call.atPriority(FAULT).willReturn(response));
        return this;
    }

    Map<String, String> options(String sources) {
        Map<String, String> options = new HashMap<>();
        options.put("microsoft-tenant-id", TENANT);
        options.put("microsoft-client-id", CLIENT_ID);
        options.put("microsoft-client-secret", CLIENT_SECRET);
        options.put("microsoft-sources", sources);
        options.put("microsoft-authority", baseUrl());
        options.put("intune-graph-url", baseUrl());
        options.put("defender-api-url", baseUrl());
        options.put("microsoft-ca-file", LocalhostTls.shared().certificatePem().toString());
        options.put("microsoft-request-timeout", "PT5S");
        return options;
    }

    CollectionResult collect(Map<String, String> options) {
        return FakeFalcon.collect(new EndpointProvider(sleeps::add, Map.<String, String>of()::get), options);
    }

    int count(RequestPatternBuilder requests) {
        return server.countRequestsMatching(requests.build()).getCount();
    }

    /** The most requests to {@code path} that were being answered at one moment, from WireMock's request log. */
    int mostAtOnce(String pathPrefix) {
        List<long[]> spans = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith(pathPrefix)) {
                long start = event.getRequest().getLoggedDate().getTime();
                spans.add(new long[] {start, start + event.getTiming().getTotalTime()});
            }
        }
        int most = 0;
        for (long[] span : spans) {
            long at = span[0];
            int overlapping = (int) spans.stream().filter(other -> other[0] <= at && at < other[1]).count();
            most = Math.max(most, overlapping);
        }
        return most;
    }

    /** A page whose {@code @odata.nextLink} points back at this server. */
    ResponseDefinitionBuilder linked(String fixture) {
        return json(200, fixture).withBody(fixture(fixture).replace("{{GRAPH}}", baseUrl())
                .replace("{{DEFENDER}}", baseUrl()));
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; odata.metadata=minimal")
                .withBody(fixture(fixture));
    }

    /** Entra's answer to a token request, echoing the request's correlation id as the service does. */
    static ResponseDefinitionBuilder token(int status, String fixture) {
        return json(status, fixture).withHeader("client-request-id", "{{request.headers.client-request-id}}")
                .withTransformers("response-template");
    }

    /** A fixture's text; the next-page links name the server as {@code {{GRAPH}}} or {@code {{DEFENDER}}}. */
    static String fixture(String name) {
        try (InputStream in = FakeMicrosoft.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(String fixture) {
        String body = fixture(fixture);
        int start = body.indexOf("\"access_token\": \"") + "\"access_token\": \"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
