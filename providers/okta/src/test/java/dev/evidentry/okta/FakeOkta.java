package dev.evidentry.okta;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.evidentry.testkit.LocalhostTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WireMock over HTTPS standing in for an Okta org, answering with bodies shaped like Okta's Management API examples
 * (fixtures under {@code src/test/resources/okta}, see the README there). {@link #baseline()} is one known org: five
 * users over three pages, their factors and roles, one global session policy, two authentication policies and two
 * password policies. A test then overrides one operation with a fault and counts requests.
 */
final class FakeOkta implements AutoCloseable {

    static final String TOKEN = "00QCjAl4MlV-WPXM-testToken-0HmjFx-vbGua";

    static final String ALICE = "00u1alice0SuperAdm0g4";
    static final String BOB = "00u2bob0OrgAdmin00g4";
    static final String CAROL = "00u3carol0NoMfa000g4";
    static final String DAVE = "00u4dave0Dormant00g4";
    static final String ERIN = "00u5erin0Suspend00g4";
    static final List<String> USABLE = List.of(ALICE, BOB, CAROL, DAVE);

    static final String SESSION_POLICY = "00p3sessionPol00g4";
    static final String DASHBOARD_POLICY = "rst1dashboard000g4";
    static final String LEGACY_POLICY = "rst2legacyApp000g4";

    static final int PAGE_SIZE = 2;

    /** Stubs for faults win over the baseline. */
    private static final int FAULT = 1;
    private static final int BASELINE = 10;

    final WireMockServer server;

    private FakeOkta(WireMockServer server) {
        this.server = server;
    }

    static FakeOkta start() {
        LocalhostTls tls = LocalhostTls.shared();
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(tls.keyStore().toString()).keystorePassword(LocalhostTls.PASSWORD)
                .keyManagerPassword(LocalhostTls.PASSWORD).keystoreType("PKCS12").containerThreads(20)
                .asynchronousResponseEnabled(false));
        server.start();
        return new FakeOkta(server);
    }

    String orgUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    /** The options of a scan of this org with the test token. */
    Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put("org-url", orgUrl());
        options.put("api-token", TOKEN);
        options.put("ca-file", LocalhostTls.shared().certificatePem().toString());
        options.put("page-size", Integer.toString(PAGE_SIZE));
        options.put("request-timeout", "PT5S");
        return options;
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    FakeOkta baseline() {
        answer(usersPage(null), json("users/page-1.json").withHeader("Link", link("/api/v1/users?limit=" + PAGE_SIZE,
                "self")).withHeader("Link", link("/api/v1/users?after=" + BOB + "&limit=" + PAGE_SIZE, "next")));
        answer(usersPage(BOB), json("users/page-2.json").withHeader("Link", link("/api/v1/users?after=" + BOB
                + "&limit=" + PAGE_SIZE, "self")).withHeader("Link", link("/api/v1/users?after=" + DAVE + "&limit="
                + PAGE_SIZE, "next")));
        answer(usersPage(DAVE), json("users/page-3.json").withHeader("Link", link("/api/v1/users?after=" + DAVE
                + "&limit=" + PAGE_SIZE, "self")));
        for (String user : USABLE) {
            answer(factors(user), json("factors/" + user + ".json"));
            answer(roles(user), json(user.equals(ALICE) || user.equals(BOB) ? "roles/" + user + ".json"
                    : "roles/none.json"));
        }
        answer(policies("OKTA_SIGN_ON"), json("policies/okta-sign-on.json"));
        answer(policies("ACCESS_POLICY"), json("policies/access-policy.json"));
        answer(policies("PASSWORD"), json("policies/password.json"));
        for (String policy : List.of(SESSION_POLICY, DASHBOARD_POLICY, LEGACY_POLICY)) {
            answer(rules(policy), json("rules/" + policy + ".json"));
        }
        return this;
    }

    /** Makes one operation answer differently from the baseline. */
    FakeOkta fault(MappingBuilder operation, ResponseDefinitionBuilder response) {
        server.stubFor(operation.atPriority(FAULT).willReturn(response));
        return this;
    }

    int count(RequestPatternBuilder requests) {
        return server.countRequestsMatching(requests.build()).getCount();
    }

    // Operations and the matching request patterns.

    static MappingBuilder usersPage(String after) {
        return get(urlPathEqualTo("/api/v1/users")).withQueryParam("limit", equalTo(Integer.toString(PAGE_SIZE)))
                .withQueryParam("after", after == null ? absent() : equalTo(after));
    }

    static RequestPatternBuilder usersRequested() {
        return getRequestedFor(urlPathEqualTo("/api/v1/users"));
    }

    static MappingBuilder factors(String user) {
        return get(urlPathEqualTo("/api/v1/users/" + user + "/factors"));
    }

    static RequestPatternBuilder factorsRequested(String user) {
        return getRequestedFor(urlPathEqualTo("/api/v1/users/" + user + "/factors"));
    }

    static MappingBuilder roles(String user) {
        return get(urlPathEqualTo("/api/v1/users/" + user + "/roles"));
    }

    static RequestPatternBuilder rolesRequested(String user) {
        return getRequestedFor(urlPathEqualTo("/api/v1/users/" + user + "/roles"));
    }

    static MappingBuilder policies(String type) {
        return get(urlPathEqualTo("/api/v1/policies")).withQueryParam("type", equalTo(type));
    }

    static RequestPatternBuilder policiesRequested(String type) {
        return getRequestedFor(urlPathEqualTo("/api/v1/policies")).withQueryParam("type", equalTo(type));
    }

    static MappingBuilder rules(String policy) {
        return get(urlPathEqualTo("/api/v1/policies/" + policy + "/rules"));
    }

    static RequestPatternBuilder rulesRequested(String policy) {
        return getRequestedFor(urlPathEqualTo("/api/v1/policies/" + policy + "/rules"));
    }

    // Responses.

    static ResponseDefinitionBuilder json(String fixtureOrBody) {
        String body = fixtureOrBody.endsWith(".json") ? fixture(fixtureOrBody) : fixtureOrBody;
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** An Okta error answer, such as {@code error(401, "ErrorInvalidTokenProvided")}. */
    static ResponseDefinitionBuilder error(int status, String example) {
        return json("errors/" + example + ".json").withStatus(status);
    }

    /** A 429 whose window resets {@code seconds} after the response's {@code Date}. */
    static ResponseDefinitionBuilder throttled(long dateEpochSecond, long seconds) {
        return error(429, "ErrorTooManyRequests").withHeader("Date", httpDate(dateEpochSecond))
                .withHeader("X-Rate-Limit-Limit", "600").withHeader("X-Rate-Limit-Remaining", "0")
                .withHeader("X-Rate-Limit-Reset", Long.toString(dateEpochSecond + seconds));
    }

    static String httpDate(long epochSecond) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochSecond(epochSecond).atOffset(java.time.ZoneOffset.UTC));
    }

    private String link(String pathAndQuery, String rel) {
        return "<" + orgUrl() + pathAndQuery + ">; rel=\"" + rel + "\"";
    }

    static String fixture(String path) {
        try (InputStream in = FakeOkta.class.getResourceAsStream("/okta/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /okta/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(MappingBuilder operation, ResponseDefinitionBuilder response) {
        server.stubFor(operation.atPriority(BASELINE).willReturn(response));
    }
}
