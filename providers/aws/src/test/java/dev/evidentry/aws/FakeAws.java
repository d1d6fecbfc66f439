package dev.evidentry.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import java.util.Base64;

/**
 * WireMock standing in for AWS: STS, IAM and EC2 (query protocol: a form POST naming its Action), S3 (REST, path
 * style) and S3 Control, answering with bodies shaped like AWS's documented XML, kept under
 * {@code src/test/resources/aws}. {@link #baseline()} is one known account; a test then overrides one operation with a
 * fault, and counts requests per operation.
 */
final class FakeAws implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String ALPHA = "alpha-data";
    static final String BETA = "beta-logs";

    /** Stubs for faults win over the baseline. */
    private static final int FAULT = 1;
    private static final int PAGE = 5;
    private static final int BASELINE = 10;

    final WireMockServer server;

    private FakeAws(WireMockServer server) {
        this.server = server;
    }

    static FakeAws start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20).asynchronousResponseEnabled(false));
        server.start();
        return new FakeAws(server);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** One account: four users, two buckets over two pages, virtual MFA devices over two pages, all settings read. */
    FakeAws baseline() {
        answer(query("GetCallerIdentity"), xml("sts/GetCallerIdentity.xml"));
        answer(query("DescribeRegions"), xml("ec2/DescribeRegions.xml"));
        answer(query("GenerateCredentialReport"), xml("iam/GenerateCredentialReport-COMPLETE.xml"));
        answer(query("GetCredentialReport"), xml(credentialReport(fixture("iam/credential-report.csv"))));
        answer(query("GetAccountSummary"), xml("iam/GetAccountSummary.xml"));
        answer(query("GetAccountPasswordPolicy"), xml("iam/GetAccountPasswordPolicy.xml"));
        answer(query("ListVirtualMFADevices"), xml("iam/ListVirtualMFADevices-page1.xml"));
        server.stubFor(query("ListVirtualMFADevices").atPriority(PAGE)
                .withFormParam("Marker", equalTo("bWFya2VyLXBhZ2UtMg=="))
                .willReturn(xml("iam/ListVirtualMFADevices-page2.xml")));
        server.stubFor(query("ListMFADevices").atPriority(PAGE).withFormParam("UserName", equalTo("erin"))
                .willReturn(xml("iam/ListMFADevices-erin.xml")));
        server.stubFor(query("ListMFADevices").atPriority(PAGE).withFormParam("UserName", equalTo("alice"))
                .willReturn(xml("iam/ListMFADevices-alice.xml")));

        answer(s3ListBuckets(), xml("s3/ListBuckets-page1.xml"));
        server.stubFor(s3ListBuckets().atPriority(PAGE)
                .withQueryParam("continuation-token", equalTo("dG9rZW4tcGFnZS0y"))
                .willReturn(xml("s3/ListBuckets-page2.xml")));
        answer(s3(BETA, "location"), xml("s3/GetBucketLocation-EU.xml"));
        answer(s3(ALPHA, "encryption"), xml("s3/alpha-data/GetBucketEncryption.xml"));
        answer(s3(ALPHA, "publicAccessBlock"), xml("s3/alpha-data/GetPublicAccessBlock.xml"));
        answer(s3(ALPHA, "acl"), xml("s3/alpha-data/GetBucketAcl.xml"));
        answer(s3(ALPHA, "versioning"), xml("s3/alpha-data/GetBucketVersioning.xml"));
        answer(s3(ALPHA, "logging"), xml("s3/alpha-data/GetBucketLogging.xml"));
        answer(s3(BETA, "encryption"), xml("s3/beta-logs/GetBucketEncryption-NotFound.xml").withStatus(404));
        answer(s3(BETA, "publicAccessBlock"), xml("s3/beta-logs/GetPublicAccessBlock-NotFound.xml").withStatus(404));
        answer(s3(BETA, "acl"), xml("s3/beta-logs/GetBucketAcl.xml"));
        answer(s3(BETA, "versioning"), xml("s3/beta-logs/GetBucketVersioning.xml"));
        answer(s3(BETA, "logging"), xml("s3/beta-logs/GetBucketLogging.xml"));
        answer(s3ControlPublicAccessBlock(), xml("s3control/GetPublicAccessBlock.xml"));
        return this;
    }

    /** Makes one operation answer differently from the baseline. */
    FakeAws fault(MappingBuilder operation, ResponseDefinitionBuilder response) {
        server.stubFor(operation.atPriority(FAULT).willReturn(response));
        return this;
    }

    int count(RequestPatternBuilder requests) {
        return server.countRequestsMatching(requests.build()).getCount();
    }

    // Operations: stubs and the matching request patterns.

    static MappingBuilder query(String action) {
        return post(urlPathEqualTo("/")).withFormParam("Action", equalTo(action));
    }

    static RequestPatternBuilder queried(String action) {
        return postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo(action));
    }

    /** A bucket sub-resource call, such as {@code GET /alpha-data?encryption}. */
    static MappingBuilder s3(String bucket, String subresource) {
        return get(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"));
    }

    static RequestPatternBuilder s3Requested(String bucket, String subresource) {
        return getRequestedFor(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"));
    }

    static MappingBuilder s3ListBuckets() {
        return get(urlPathEqualTo("/"));
    }

    static RequestPatternBuilder s3ListBucketsRequested() {
        return getRequestedFor(urlPathEqualTo("/"));
    }

    static MappingBuilder s3ControlPublicAccessBlock() {
        return get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"));
    }

    static RequestPatternBuilder s3ControlPublicAccessBlockRequested() {
        return getRequestedFor(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"));
    }

    // Responses.

    static ResponseDefinitionBuilder xml(String fixtureOrBody) {
        String body = fixtureOrBody.endsWith(".xml") ? fixture(fixtureOrBody) : fixtureOrBody;
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String fixture) {
        return xml(fixture).withStatus(status);
    }

    /** What moto answers for an operation it does not implement. */
    static ResponseDefinitionBuilder motoNotImplemented() {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(fixture("moto-not-implemented.html"));
    }

    /** GetCredentialReport's answer carrying {@code csv}, Base64-encoded as IAM sends it. */
    static String credentialReport(String csv) {
        return fixture("iam/GetCredentialReport.xml").replace("${content}",
                Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)));
    }

    static String fixture(String path) {
        try (InputStream in = FakeAws.class.getResourceAsStream("/aws/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /aws/" + path);
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
