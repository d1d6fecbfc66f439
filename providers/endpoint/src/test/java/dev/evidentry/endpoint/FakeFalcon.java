package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.evidentry.core.collect.BoundedExecutor;
import dev.evidentry.core.collect.Collector;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.spi.Provider;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * WireMock answering as the Falcon API with the fixtures of {@code src/test/resources/falcon} (see its README), and a
 * way to run a provider built by the test (recording sleeper, fake environment) with the engine's real context.
 */
final class FakeFalcon implements AutoCloseable {

    static final String CLIENT_ID = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c";
    static final String CLIENT_SECRET = "s3cr3t-Falcon-Client-Secret-0123456789ab";
    static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6InB1YmxpYzoxMjM0NTY3OCIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJ0ZXN0LWNsaWVudCJ9.c2lnbmF0dXJlLW5vdC1yZWFs";
    static final String QUERY_PATH = "/devices/queries/devices-scroll/v1";
    static final String POLICIES_PATH = "/policy/entities/prevention/v1";
    /** The scroll token that query-scroll-1.json hands to the second page. */
    static final String SECOND_PAGE = "FGluY2x1ZGVfY29udGV4dF91dWlkDXF1ZXJ5QW5kRmV0Y2gBFnNjcm9sbC1saW1pdC0yLXBhZ2UtMQ==";
    static final String DETAILS_PATH = "/devices/entities/devices/v2";
    /** ProviderTestKit.FIXED_CLOCK as epoch seconds: the X-RateLimit-RetryAfter base. */
    static final long NOW = 1767225600L;

    final WireMockServer server = new WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeFalcon() {
        server.start();
    }

    /** The documented happy path: a token, two scroll pages of ids, their details, their prevention policies. */
    FakeFalcon baseline() {
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(json(201, "token.json")));
        server.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("offset", WireMock.absent())
                .willReturn(json(200, "query-scroll-1.json")));
        server.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("offset", equalTo(SECOND_PAGE))
                .willReturn(json(200, "query-scroll-2.json")));
        server.stubFor(get(urlPathEqualTo(DETAILS_PATH)).willReturn(json(200, "devices.json")));
        server.stubFor(get(urlPathEqualTo(POLICIES_PATH)).willReturn(json(200, "prevention-policies.json")));
        return this;
    }

    Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put("falcon-base-url", server.baseUrl());
        options.put("falcon-client-id", CLIENT_ID);
        options.put("falcon-client-secret", CLIENT_SECRET);
        options.put("falcon-page-size", "2");
        return options;
    }

    int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = FakeFalcon.class.getResourceAsStream("/falcon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture falcon/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EndpointProvider provider(Map<String, String> environment) {
        return new EndpointProvider(sleeps::add, environment::get);
    }

    CollectionResult collect(Map<String, String> options) {
        return collect(provider(Map.of()), options);
    }

    static CollectionResult collect(Provider provider, Map<String, String> options) {
        Path evidenceDirectory;
        try {
            evidenceDirectory = Files.createTempDirectory("evidentry-endpoint-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretRedactor redactor = new SecretRedactor();
        EvidenceStore evidence = new EvidenceStore(evidenceDirectory, redactor, ProviderTestKit.FIXED_CLOCK);
        FactStore store = new FactStore(ProviderTestKit.FIXED_CLOCK);
        try (BoundedExecutor executor = new BoundedExecutor(8)) {
            new Collector(ProviderTestKit.FIXED_CLOCK, evidence, redactor, executor, ProgressListener.NONE)
                    .collect(List.of(provider), Map.of(provider.descriptor().id(), options), store);
        }
        store.freeze();
        return new CollectionResult(store.all().toList(), store.issues(), evidenceDirectory);
    }

    static RequestPatternBuilder anyDeviceCall() {
        return WireMock.getRequestedFor(WireMock.urlPathMatching("/devices/.*"));
    }

    @Override
    public void close() {
        server.stop();
    }
}
