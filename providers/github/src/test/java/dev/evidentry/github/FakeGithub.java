package dev.evidentry.github;

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
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * WireMock standing in for GitHub's REST API, answering with bodies shaped like GitHub's documented examples (kept
 * under {@code src/test/resources/github}, see the README there). Every answer carries the headers GitHub sends:
 * {@code Date} (the test clock's), {@code X-RateLimit-*}, {@code Content-Type}. {@link #baseline()} is one known
 * organisation; a test overrides one call with a fault, and counts requests per call.
 */
final class FakeGithub implements AutoCloseable {

    static final String ORG = "octo-org";
    static final String TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final String DATE = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.atZone(ZoneOffset.UTC));
    static final long RESET = NOW.getEpochSecond() + 3600;

    /** Stubs for faults win over pages, which win over the baseline. */
    static final int FAULT = 1;
    static final int PAGE = 5;
    static final int BASELINE = 10;

    final WireMockServer server;

    private FakeGithub(WireMockServer server) {
        this.server = server;
    }

    static FakeGithub start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20).asynchronousResponseEnabled(false));
        server.start();
        return new FakeGithub(server);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * octo-org: settings without the 2FA requirement; members over two pages (octocat, hubot, monalisa; hubot has no
     * 2FA); one outside collaborator with 2FA; repositories over two pages: Hello-World (public, classic protection
     * with reviews, admins enforced, status checks), Spoon-Knife (private, unprotected, security features off,
     * Dependabot alerts off), octo-archive (archived), octo-rules (internal, rulesets only).
     */
    FakeGithub baseline() {
        answer(get(urlPathEqualTo("/rate_limit")), json(rateLimit()));
        answer(get(urlPathEqualTo("/orgs/" + ORG)), json("orgs/octo-org.json"));
        answer(list("/orgs/" + ORG + "/members").withQueryParam("filter", absent()),
                paged("orgs/octo-org-members-page1.json", "/orgs/" + ORG + "/members?page=2&per_page=100"));
        page(list("/orgs/" + ORG + "/members").withQueryParam("filter", absent()).withQueryParam("page", equalTo("2")),
                json("orgs/octo-org-members-page2.json"));
        page(list("/orgs/" + ORG + "/members").withQueryParam("filter", equalTo("2fa_disabled")),
                json("orgs/octo-org-members-2fa_disabled.json"));
        answer(list("/orgs/" + ORG + "/outside_collaborators").withQueryParam("filter", absent()),
                json("orgs/octo-org-outside_collaborators.json"));
        page(list("/orgs/" + ORG + "/outside_collaborators").withQueryParam("filter", equalTo("2fa_disabled")),
                json("orgs/octo-org-outside_collaborators-2fa_disabled.json"));
        answer(list("/orgs/" + ORG + "/repos"),
                paged("orgs/octo-org-repos-page1.json", "/orgs/" + ORG + "/repos?per_page=100&page=2"));
        page(list("/orgs/" + ORG + "/repos").withQueryParam("page", equalTo("2")), json("orgs/octo-org-repos-page2.json"));
        for (String repo : new String[] {"Hello-World", "Spoon-Knife", "octo-rules"}) {
            answer(get(urlPathEqualTo(repoPath(repo) + "/branches/main")),
                    json("repos/octo-org/" + repo + "/branches-main.json"));
            answer(get(urlPathEqualTo(repoPath(repo) + "/rules/branches/main")),
                    json("repos/octo-org/" + repo + "/rules-main.json"));
        }
        answer(get(urlPathEqualTo(repoPath("Hello-World") + "/branches/main/protection")),
                json("repos/octo-org/Hello-World/protection-main.json"));
        answer(get(urlPathEqualTo(repoPath("octo-rules") + "/branches/main/protection")),
                error(404, "errors/branch-not-protected.json"));
        answer(get(urlPathEqualTo(repoPath("Hello-World") + "/vulnerability-alerts")), empty(204));
        answer(get(urlPathEqualTo(repoPath("Spoon-Knife") + "/vulnerability-alerts")),
                error(404, "errors/not-found.json"));
        answer(get(urlPathEqualTo(repoPath("octo-rules") + "/vulnerability-alerts")), empty(204));
        return this;
    }

    static String repoPath(String repo) {
        return "/repos/" + ORG + "/" + repo;
    }

    static MappingBuilder list(String path) {
        return get(urlPathEqualTo(path));
    }

    void answer(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(BASELINE).willReturn(response));
    }

    void page(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(PAGE).willReturn(response));
    }

    void fault(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(FAULT).willReturn(response));
    }

    int count(RequestPatternBuilder request) {
        return server.countRequestsMatching(request.build()).getCount();
    }

    static RequestPatternBuilder requested(String path) {
        return getRequestedFor(urlPathEqualTo(path));
    }

    /** A JSON answer with GitHub's headers; fixtures name api.github.com, rewritten to this server. */
    ResponseDefinitionBuilder json(String fixture) {
        return withGithubHeaders(aResponse().withStatus(200).withBody(text(fixture)));
    }

    /** A JSON answer saying how many requests are left in the current rate-limit window. */
    ResponseDefinitionBuilder json(String fixture, int remaining) {
        return withGithubHeaders(aResponse().withStatus(200).withBody(text(fixture)), remaining);
    }

    ResponseDefinitionBuilder paged(String fixture, String nextPathAndQuery) {
        return json(fixture).withHeader("Link", "<" + apiUrl() + nextPathAndQuery + ">; rel=\"next\", <" + apiUrl()
                + nextPathAndQuery + ">; rel=\"last\"");
    }

    ResponseDefinitionBuilder error(int status, String fixture) {
        return withGithubHeaders(aResponse().withStatus(status).withBody(text(fixture)));
    }

    static ResponseDefinitionBuilder empty(int status) {
        return aResponse().withStatus(status).withHeader("Date", DATE).withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "4990").withHeader("X-RateLimit-Reset", String.valueOf(RESET));
    }

    static ResponseDefinitionBuilder withGithubHeaders(ResponseDefinitionBuilder response) {
        return withGithubHeaders(response, 4990);
    }

    static ResponseDefinitionBuilder withGithubHeaders(ResponseDefinitionBuilder response, int remaining) {
        return response.withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Date", DATE)
                .withHeader("X-GitHub-Media-Type", "github.v3; format=json")
                .withHeader("X-GitHub-Api-Version-Selected", "2022-11-28")
                .withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", String.valueOf(remaining))
                .withHeader("X-RateLimit-Reset", String.valueOf(RESET))
                .withHeader("X-RateLimit-Resource", "core");
    }

    private String rateLimit() {
        return "rate_limit.json";
    }

    String text(String fixture) {
        String text = fixture(fixture);
        return text.replace("https://api.github.com", apiUrl()).replace("1691591363", String.valueOf(RESET));
    }

    static String fixture(String name) {
        try (InputStream in = FakeGithub.class.getResourceAsStream("/github/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture github/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
