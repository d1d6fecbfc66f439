package dev.evidentry.distribution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.distribution.Distribution.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.evidentry.demo.DemoEstate;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a call can fail, through the whole scanner: the affected check says ERROR with the cause, never PASS, the
 * pipeline gate answers 3, and the bundle is still written and verifiable.
 */
class CollectionFaultIT {

    private static final String BUCKET = "acme-prod-data";
    private static DemoEstate estate;

    @TempDir
    Path workspace;

    @BeforeAll
    static void start() {
        estate = DemoEstate.start();
        System.setProperty("aws.accessKeyId", DemoEstate.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", DemoEstate.SECRET_ACCESS_KEY);
        System.setProperty("aws.region", "us-east-1");
    }

    @AfterAll
    static void stop() {
        estate.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    @AfterEach
    void restoreTheEstate() {
        estate.server().resetToDefaultMappings();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("access denied", s3Error(403, "AccessDenied", "Access Denied"), "ACCESS_DENIED"),
                Arguments.of("throttled past the retries", s3Error(503, "SlowDown", "Please reduce your request rate."), "THROTTLED"),
                Arguments.of("the vendor's service failed", s3Error(500, "InternalError", "We encountered an internal error."),
                        "SERVER_ERROR"),
                Arguments.of("timed out", aResponse().withStatus(200).withFixedDelay(3_000)
                        .withBody("<VersioningConfiguration/>"), "TIMEOUT"),
                Arguments.of("answer could not be read", aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/xml")
                        .withBody("<VersioningConfiguration><Status>Enab"), "MALFORMED_RESPONSE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFailedCallIsAnErrorWithItsCause(String label, ResponseDefinitionBuilder answer, String cause) {
        estate.server().stubFor(get(urlPathEqualTo("/" + BUCKET)).atPriority(1)
                .withQueryParam("versioning", matching(".*")).willReturn(answer));
        Path bundle = workspace.resolve("bundle");

        Distribution.Run run = Distribution.run("scan", "--provider", "aws", "--endpoint-url", estate.endpoint(),
                "--output", bundle.toString(), "--no-progress", "--check", "aws.s3.versioning",
                "--fail-on", "critical", "--option", "aws.max-attempts=2", "--option", "aws.api-call-timeout=PT1S");

        List<JsonNode> findings = Distribution.findings(bundle);
        JsonNode verdict = finding(findings, "aws.s3.versioning", "arn:aws:s3:::" + BUCKET);
        assertThat(verdict.path("outcome").asText()).isEqualTo("ERROR");
        assertThat(verdict.path("message").asText()).contains("GetBucketVersioning").contains(label);
        assertThat(findings).filteredOn(node -> node.path("resource").path("nativeId").asText()
                .equals("arn:aws:s3:::" + BUCKET)).noneMatch(node -> node.path("outcome").asText().equals("PASS"));
        assertThat(Distribution.jsonLines(bundle.resolve("issues.jsonl")))
                .anyMatch(issue -> issue.path("cause").asText().equals(cause));
        assertThat(run.exitCode()).as(run.out()).isEqualTo(3);
        assertThat(run.out()).contains("Could not collect");
        assertThat(Distribution.run("verify", bundle.toString()).exitCode()).isZero();
    }

    private static ResponseDefinitionBuilder s3Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>fault</HostId></Error>");
    }
}
