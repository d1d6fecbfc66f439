package dev.evidentry.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.util.List;
import java.util.Base64;

/**
 * WireMock standing in for AWS: STS, IAM, EC2 and RDS (query protocol: a form POST naming its Action), S3 (REST, path
 * style) and S3 Control; KMS, DynamoDB, CloudTrail, AWS Config and SSM (JSON protocol: a POST to {@code /} naming its
 * operation in {@code X-Amz-Target}) and GuardDuty (REST JSON), answering with bodies shaped like AWS's documented XML
 * and JSON, kept under {@code src/test/resources/aws} (its README names the documented example each follows).
 * {@link #baseline()} is one known account; a test then overrides one operation with a fault, and counts requests per
 * operation. Regional calls are told apart by the region in the request's signature.
 */
final class FakeAws implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String ALPHA = "alpha-data";
    static final String BETA = "beta-logs";

    static final String US_CMK = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String US_EBS = "arn:aws:kms:us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
    static final String US_DDB = "arn:aws:kms:us-east-1:111122223333:key/6f7e8d9c-1a2b-3c4d-5e6f-7a8b9c0d1e2f";
    static final String US_OLD = "arn:aws:kms:us-east-1:111122223333:key/0fedcba9-8765-4321-0fed-cba987654321";
    static final String US_SIGN = "arn:aws:kms:us-east-1:111122223333:key/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
    static final String EU_CMK = "arn:aws:kms:eu-west-1:111122223333:key/bcdef012-3456-4789-abcd-ef0123456789";
    static final String ORG_TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail";
    static final String EU_TRAIL = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/eu-audit";
    static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
    static final String WITH_AGENT = "i-0a1b2c3d4e5f60010";
    static final String WITHOUT_AGENT = "i-0a1b2c3d4e5f60020";
    static final String UNMANAGED = "i-0a1b2c3d4e5f60030";
    static final String STOPPED = "i-0a1b2c3d4e5f60050";
    static final String ON_PREMISES = "mi-0123456789abcdef0";

    static final String KMS = "TrentService.";
    static final String DYNAMODB = "DynamoDB_20120810.";
    static final String CLOUDTRAIL = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    static final String CONFIG = "StarlingDoveService.";
    static final String SSM = "AmazonSSM.";

    /** Stubs for faults win over the baseline. */
    private static final int FAULT = 1;
    private static final int PAGE = 5;
    private static final int BASELINE = 10;
    /** What any region without its own stub answers: nothing there. */
    private static final int EMPTY_REGION = 15;

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
        // ListBuckets filtered by region, as S3 answers it: only that region's buckets, no BucketRegion element.
        for (String region : List.of("us-east-1", "eu-west-1")) {
            server.stubFor(s3ListBuckets().atPriority(PAGE).withQueryParam("bucket-region", equalTo(region))
                    .willReturn(xml("s3/ListBuckets-region-" + region + ".xml")));
        }
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
        return regionalBaseline();
    }

    /**
     * The regional services. us-east-1: four volumes over two pages (unencrypted, AWS managed key, two on one customer
     * key), EBS default encryption on, four security groups, instances with and without an agent, not managed,
     * terminated and stopped, plus an on-premises machine, two RDS instances, five KMS keys over two pages, three tables, a
     * multi-region trail, an enabled detector, a recording recorder. eu-west-1: a customer key without rotation, the
     * multi-region trail's shadow and a stopped local trail, a default security group, and nothing else. Any other
     * region: empty.
     */
    private FakeAws regionalBaseline() {
        String us = "us-east-1";
        String eu = "eu-west-1";
        empty(query("DescribeVolumes"), xml("ec2/DescribeVolumes-empty.xml"));
        empty(query("GetEbsEncryptionByDefault"), xml("ec2/GetEbsEncryptionByDefault-false.xml"));
        empty(query("DescribeSecurityGroups"), xml("ec2/DescribeSecurityGroups-empty.xml"));
        empty(query("DescribeInstances"), xml("ec2/DescribeInstances-empty.xml"));
        empty(query("DescribeDBInstances"), xml("rds/DescribeDBInstances-empty.xml"));
        empty(target(KMS + "ListKeys"), json("kms/ListKeys-empty.json"));
        empty(target(DYNAMODB + "ListTables"), json("dynamodb/ListTables-empty.json"));
        empty(target(CLOUDTRAIL + "DescribeTrails"), json("cloudtrail/DescribeTrails-empty.json"));
        empty(guardDuty("/detector"), json("guardduty/ListDetectors-empty.json"));
        empty(target(CONFIG + "DescribeConfigurationRecorders"),
                json("config/DescribeConfigurationRecorders-empty.json"));
        empty(target(CONFIG + "DescribeConfigurationRecorderStatus"),
                json("config/DescribeConfigurationRecorderStatus-empty.json"));
        empty(target(SSM + "DescribeInstanceInformation"), json("ssm/DescribeInstanceInformation-empty.json"));

        answer(in(us, query("DescribeVolumes")), xml("ec2/DescribeVolumes-us-east-1-page1.xml"));
        page(in(us, query("DescribeVolumes")).withFormParam("NextToken", equalTo("dm9sdW1lcy1wYWdlLTI=")),
                xml("ec2/DescribeVolumes-us-east-1-page2.xml"));
        answer(in(us, query("GetEbsEncryptionByDefault")), xml("ec2/GetEbsEncryptionByDefault-true.xml"));
        answer(in(us, query("DescribeSecurityGroups")), xml("ec2/DescribeSecurityGroups-us-east-1.xml"));
        answer(in(eu, query("DescribeSecurityGroups")), xml("ec2/DescribeSecurityGroups-eu-west-1.xml"));
        answer(in(us, query("DescribeInstances")), xml("ec2/DescribeInstances-us-east-1.xml"));
        answer(in(us, query("DescribeDBInstances")), xml("rds/DescribeDBInstances-us-east-1.xml"));

        answer(in(us, target(KMS + "ListKeys")), json("kms/ListKeys-us-east-1-page1.json"));
        page(in(us, target(KMS + "ListKeys")).withRequestBody(matchingJsonPath("$.Marker",
                equalTo("a21zLWxpc3Qta2V5cy1wYWdlLTI="))), json("kms/ListKeys-us-east-1-page2.json"));
        answer(in(eu, target(KMS + "ListKeys")), json("kms/ListKeys-eu-west-1.json"));
        keyAnswer("DescribeKey", US_CMK, "kms/DescribeKey-us-cmk.json");
        keyAnswer("DescribeKey", US_EBS, "kms/DescribeKey-us-ebs.json");
        keyAnswer("DescribeKey", US_DDB, "kms/DescribeKey-us-dynamodb.json");
        keyAnswer("DescribeKey", US_OLD, "kms/DescribeKey-us-old.json");
        keyAnswer("DescribeKey", US_SIGN, "kms/DescribeKey-us-sign.json");
        keyAnswer("DescribeKey", EU_CMK, "kms/DescribeKey-eu-cmk.json");
        keyAnswer("GetKeyRotationStatus", US_CMK, "kms/GetKeyRotationStatus-us-cmk.json");
        keyAnswer("GetKeyRotationStatus", EU_CMK, "kms/GetKeyRotationStatus-eu-cmk.json");

        answer(in(us, target(DYNAMODB + "ListTables")), json("dynamodb/ListTables-us-east-1.json"));
        for (String table : new String[] {"orders", "payments", "sessions"}) {
            answer(in(us, target(DYNAMODB + "DescribeTable")).withRequestBody(matchingJsonPath("$.TableName",
                    equalTo(table))), json("dynamodb/DescribeTable-" + table + ".json"));
        }

        answer(in(us, target(CLOUDTRAIL + "DescribeTrails")), json("cloudtrail/DescribeTrails-us-east-1.json"));
        answer(in(eu, target(CLOUDTRAIL + "DescribeTrails")), json("cloudtrail/DescribeTrails-eu-west-1.json"));
        answer(in(us, target(CLOUDTRAIL + "GetTrailStatus")).withRequestBody(matchingJsonPath("$.Name",
                equalTo(ORG_TRAIL))), json("cloudtrail/GetTrailStatus-org-trail.json"));
        answer(in(eu, target(CLOUDTRAIL + "GetTrailStatus")).withRequestBody(matchingJsonPath("$.Name",
                equalTo(EU_TRAIL))), json("cloudtrail/GetTrailStatus-eu-audit.json"));

        answer(in(us, guardDuty("/detector")), json("guardduty/ListDetectors-us-east-1.json"));
        answer(in(us, guardDuty("/detector/" + DETECTOR)), json("guardduty/GetDetector-enabled.json"));

        answer(in(us, target(CONFIG + "DescribeConfigurationRecorders")),
                json("config/DescribeConfigurationRecorders-us-east-1.json"));
        answer(in(us, target(CONFIG + "DescribeConfigurationRecorderStatus")),
                json("config/DescribeConfigurationRecorderStatus-us-east-1.json"));

        answer(in(us, target(SSM + "DescribeInstanceInformation")),
                json("ssm/DescribeInstanceInformation-us-east-1-page1.json"));
        page(in(us, target(SSM + "DescribeInstanceInformation")).withRequestBody(matchingJsonPath("$.NextToken",
                equalTo("c3NtLWluc3RhbmNlcy1wYWdlLTI="))), json("ssm/DescribeInstanceInformation-us-east-1-page2.json"));
        answer(inventory(WITH_AGENT), json("ssm/ListInventoryEntries-i-0a1b2c3d4e5f60010-page1.json"));
        page(inventory(WITH_AGENT).withRequestBody(matchingJsonPath("$.NextToken", equalTo("aW52ZW50b3J5LXBhZ2UtMg=="))),
                json("ssm/ListInventoryEntries-i-0a1b2c3d4e5f60010-page2.json"));
        answer(inventory(WITHOUT_AGENT), json("ssm/ListInventoryEntries-i-0a1b2c3d4e5f60020.json"));
        answer(inventory(ON_PREMISES), json("ssm/ListInventoryEntries-mi-0123456789abcdef0.json"));
        answer(in(us, target(SSM + "DescribeInstancePatchStates")),
                json("ssm/DescribeInstancePatchStates-us-east-1.json"));
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

    /** A JSON-protocol call, such as {@code TrentService.DescribeKey}. */
    static MappingBuilder target(String target) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    static RequestPatternBuilder targeted(String target) {
        return postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    /** A KMS call about one key, named by its ARN. */
    static MappingBuilder key(String operation, String keyArn) {
        return target(KMS + operation).withRequestBody(matchingJsonPath("$.KeyId", equalTo(keyArn)));
    }

    static RequestPatternBuilder keyRequested(String operation, String keyArn) {
        return targeted(KMS + operation).withRequestBody(matchingJsonPath("$.KeyId", equalTo(keyArn)));
    }

    /** SSM ListInventoryEntries for one machine. */
    static MappingBuilder inventory(String instanceId) {
        return target(SSM + "ListInventoryEntries").withRequestBody(matchingJsonPath("$.InstanceId",
                equalTo(instanceId)));
    }

    static RequestPatternBuilder inventoryRequested(String instanceId) {
        return targeted(SSM + "ListInventoryEntries").withRequestBody(matchingJsonPath("$.InstanceId",
                equalTo(instanceId)));
    }

    /** A GuardDuty call (REST JSON): {@code GET /detector}, {@code GET /detector/<id>}. */
    static MappingBuilder guardDuty(String path) {
        return get(urlPathEqualTo(path));
    }

    static RequestPatternBuilder guardDutyRequested(String path) {
        return getRequestedFor(urlPathEqualTo(path));
    }

    /** The same call signed for one region. */
    static MappingBuilder in(String region, MappingBuilder operation) {
        return operation.withHeader("Authorization", containing("/" + region + "/"));
    }

    static RequestPatternBuilder in(String region, RequestPatternBuilder requests) {
        return requests.withHeader("Authorization", containing("/" + region + "/"));
    }

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

    /** A JSON answer: a fixture ending in {@code .json}, or the body itself. */
    static ResponseDefinitionBuilder json(String fixtureOrBody) {
        String body = fixtureOrBody.endsWith(".json") ? fixture(fixtureOrBody) : fixtureOrBody;
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** A JSON error answer, its code in the body's {@code __type} as the JSON protocols send it. */
    static ResponseDefinitionBuilder jsonError(int status, String fixture) {
        return json(fixture).withStatus(status);
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

    private void page(MappingBuilder operation, ResponseDefinitionBuilder response) {
        server.stubFor(operation.atPriority(PAGE).willReturn(response));
    }

    private void empty(MappingBuilder operation, ResponseDefinitionBuilder response) {
        server.stubFor(operation.atPriority(EMPTY_REGION).willReturn(response));
    }

    private void keyAnswer(String operation, String keyArn, String fixture) {
        answer(key(operation, keyArn), json(fixture));
    }
}
