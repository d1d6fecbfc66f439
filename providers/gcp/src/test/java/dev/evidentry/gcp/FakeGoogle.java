package dev.evidentry.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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

/**
 * Google's REST APIs as WireMock plays them, all under one root URL (the provider's {@code root-url}), answering with
 * the documented resources in {@code src/test/resources/gcp}. {@link #baseline()} is one healthy project
 * {@code acme-prod} and one Workspace customer; a test then replaces one answer with a fault.
 */
final class FakeGoogle implements AutoCloseable {

    static final String PROJECT = "acme-prod";
    static final String CUSTOMER = "C03az79cb";

    static final String BUCKETS = "/storage/v1/b";
    static final String DISKS = "/compute/v1/projects/" + PROJECT + "/aggregated/disks";
    static final String SQL = "/v1/projects/" + PROJECT + "/instances";
    static final String KMS_LOCATIONS = "/v1/projects/" + PROJECT + "/locations";
    static final String KEY_RINGS_US = "/v1/projects/" + PROJECT + "/locations/us-central1/keyRings";
    static final String KEY_RINGS_EU = "/v1/projects/" + PROJECT + "/locations/europe-west1/keyRings";
    static final String KEYS_APP = KEY_RINGS_US + "/app/cryptoKeys";
    static final String PROJECT_IAM = "/v3/projects/" + PROJECT + ":getIamPolicy";
    static final String USERS = "/admin/directory/v1/users";
    static final String PROJECT_GET = "/v3/projects/" + PROJECT;
    static final String FOLDER_222 = "/v3/folders/222";
    static final String FOLDER_111 = "/v3/folders/111";
    static final String FOLDER_222_IAM = FOLDER_222 + ":getIamPolicy";
    static final String FOLDER_111_IAM = FOLDER_111 + ":getIamPolicy";
    static final String ORG_IAM = "/v3/organizations/123456789012:getIamPolicy";
    static final String INSTANCES = "/compute/v1/projects/" + PROJECT + "/aggregated/instances";
    static final String INVENTORIES_US = inventories("us-central1-a");
    static final String INVENTORIES_EU = inventories("europe-west1-b");

    private final WireMockServer server;

    private FakeGoogle(WireMockServer server) {
        this.server = server;
    }

    static FakeGoogle start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return new FakeGoogle(server);
    }

    String rootUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    void reset() {
        server.resetAll();
    }

    void baseline() {
        stub(get(urlPathEqualTo(BUCKETS)).withQueryParam("project", equalTo(PROJECT))
                .withQueryParam("pageToken", absent()), json("storage/buckets-page1.json"));
        stub(get(urlPathEqualTo(BUCKETS)).withQueryParam("project", equalTo(PROJECT))
                .withQueryParam("pageToken", equalTo("CgZhY21lLWF1ZGl0LWxvZ3M=")), json("storage/buckets-page2.json"));
        stub(get(urlPathEqualTo(bucketIam("acme-public-assets"))), json("storage/iam-public-assets.json"));
        stub(get(urlPathEqualTo(bucketIam("acme-audit-logs"))), json("storage/iam-audit-logs.json"));
        stub(get(urlPathEqualTo(bucketIam("acme-backups"))), json("storage/iam-backups.json"));
        stub(get(urlPathEqualTo(DISKS)).withQueryParam("pageToken", absent()), json("compute/disks-page1.json"));
        stub(get(urlPathEqualTo(DISKS)).withQueryParam("pageToken", equalTo("Cg5kaXNrcy1wYWdlLXR3bw==")),
                json("compute/disks-page2.json"));
        stub(get(urlPathEqualTo(INSTANCES)).withQueryParam("pageToken", absent()),
                json("compute/instances-page1.json"));
        stub(get(urlPathEqualTo(INSTANCES)).withQueryParam("pageToken", equalTo("Cg9pbnN0YW5jZXMtcGFnZTI=")),
                json("compute/instances-page2.json"));
        stub(get(urlPathEqualTo(INVENTORIES_US)).withQueryParam("view", equalTo("FULL"))
                .withQueryParam("pageToken", absent()), json("osconfig/inventories-us-central1-a-page1.json"));
        stub(get(urlPathEqualTo(INVENTORIES_US)).withQueryParam("view", equalTo("FULL"))
                .withQueryParam("pageToken", equalTo("aW52ZW50b3JpZXMtcGFnZTI=")),
                json("osconfig/inventories-us-central1-a-page2.json"));
        stub(get(urlPathEqualTo(INVENTORIES_EU)).withQueryParam("view", equalTo("FULL")),
                json("osconfig/inventories-empty.json"));
        stub(get(urlPathEqualTo(SQL)), json("sql/instances.json"));
        stub(get(urlPathEqualTo(KMS_LOCATIONS)), json("kms/locations.json"));
        stub(get(urlPathEqualTo(KEY_RINGS_US)), json("kms/keyrings-us-central1.json"));
        stub(get(urlPathEqualTo(KEY_RINGS_EU)), json("kms/keyrings-empty.json"));
        stub(get(urlPathEqualTo(KEYS_APP)), json("kms/cryptokeys-app.json"));
        stub(post(urlPathEqualTo(PROJECT_IAM)), json("crm/project-iam-policy.json"));
        stub(get(urlPathEqualTo(PROJECT_GET)), json("crm/project-acme-prod.json"));
        stub(get(urlPathEqualTo(FOLDER_222)), json("crm/folder-222.json"));
        stub(get(urlPathEqualTo(FOLDER_111)), json("crm/folder-111.json"));
        stub(post(urlPathEqualTo(FOLDER_222_IAM)), json("crm/folder-222-iam-policy.json"));
        stub(post(urlPathEqualTo(FOLDER_111_IAM)), json("crm/folder-111-iam-policy.json"));
        stub(post(urlPathEqualTo(ORG_IAM)), json("crm/org-iam-policy.json"));
        stub(get(urlPathEqualTo(USERS)).withQueryParam("customer", equalTo(CUSTOMER))
                .withQueryParam("pageToken", absent()), json("directory/users-page1.json"));
        stub(get(urlPathEqualTo(USERS)).withQueryParam("customer", equalTo(CUSTOMER))
                .withQueryParam("pageToken", equalTo("Q0FFU0FnZ0I=")), json("directory/users-page2.json"));
    }

    static String inventories(String zone) {
        return "/v1/projects/" + PROJECT + "/locations/" + zone + "/instances/-/inventories";
    }

    static String bucketIam(String bucket) {
        return BUCKETS + "/" + bucket + "/iam";
    }

    /** Adds a stub; the newest matching stub answers, so a fault replaces the baseline's answer. */
    void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.willReturn(response));
    }

    void fault(String path, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(response));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).willReturn(response));
    }

    int gets(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    int posts(String path) {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    int totalRequests() {
        return server.getAllServeEvents().size();
    }

    java.util.List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> served() {
        return server.getAllServeEvents();
    }

    static ResponseDefinitionBuilder json(String resource) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(read(resource));
    }

    static ResponseDefinitionBuilder error(int status, String resource) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(read(resource));
    }

    static String read(String resource) {
        try (InputStream in = FakeGoogle.class.getResourceAsStream("/gcp/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource gcp/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
