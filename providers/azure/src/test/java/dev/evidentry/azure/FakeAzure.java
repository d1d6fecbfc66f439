package dev.evidentry.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * WireMock over HTTPS (a test certificate the test JVM alone trusts, see the POM's surefire settings), answering with
 * fixtures shaped like Azure's documented examples ({@code src/test/resources/azure}, described in its README).
 */
final class FakeAzure implements AutoCloseable {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String SUB = "11111111-2222-4333-8444-555555555555";
    static final String SUB_PATH = "/subscriptions/" + SUB;

    private final WireMockServer server;

    private FakeAzure(WireMockServer server) {
        this.server = server;
    }

    static FakeAzure start() {
        WireMockServer server = new WireMockServer(options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(resource("tls/wiremock-keystore.p12"))
                .keystorePassword("evidentry")
                .keyManagerPassword("evidentry")
                .keystoreType("PKCS12"));
        server.start();
        return new FakeAzure(server);
    }

    private static String resource(String name) {
        try {
            Path path = Paths.get(FakeAzure.class.getClassLoader().getResource(name).toURI());
            return path.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "https://localhost:" + server.httpsPort();
    }

    void reset() {
        server.resetAll();
    }

    /** A fixture with {{base}}, {{sub}} and {{tenant}} filled in. */
    String fixture(String name) {
        try (InputStream in = FakeAzure.class.getClassLoader().getResourceAsStream("azure/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture azure/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{base}}", base()).replace("{{sub}}", SUB).replace("{{tenant}}", TENANT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResponseDefinitionBuilder json(String fixture) {
        return json(200, fixture);
    }

    ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ms-request-id", "5f1f1c7e-0000-4000-8000-00000000abcd").withBody(fixture(fixture));
    }

    /** GET of a path, first page (no skip token). */
    MappingBuilder first(String path) {
        return get(urlPathEqualTo(path)).withQueryParam("$skipToken", absent()).withQueryParam("$skiptoken", absent());
    }

    MappingBuilder page(String path, String tokenName, String token) {
        return get(urlPathEqualTo(path)).withQueryParam(tokenName, equalTo(token));
    }

    void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.willReturn(response));
    }

    /** Stubs with higher priority than the baseline: a fault for one call. */
    void fault(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(1).willReturn(response));
    }

    int count(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    int total() {
        return server.getAllServeEvents().size();
    }

    WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
