package dev.evidentry.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.evidentry.aws.FakeAws.query;
import static dev.evidentry.aws.FakeAws.queried;
import static dev.evidentry.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.RawEvidence;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.testkit.RecordingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting for IAM to generate the credential report: longer each time, and never forever. */
class CredentialReportPollingTest {

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private RecordingContext collect(Duration reportWait) {
        RecordingContext context = new RecordingContext(Map.of("endpoint-url", aws.endpoint(), "regions",
                "us-east-1", "max-attempts", "1"));
        new AwsProvider(sleeps::add, reportWait, name -> null).collect(context, context);
        return context;
    }

    @Test
    void pollsUntilTheReportIsComplete() {
        aws.fault(query("GenerateCredentialReport").inScenario("report").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("in progress"), xml("iam/GenerateCredentialReport-STARTED.xml"));
        aws.fault(query("GenerateCredentialReport").inScenario("report").whenScenarioStateIs("in progress")
                .willSetStateTo("done"), xml("iam/GenerateCredentialReport-STARTED.xml"));
        aws.fault(query("GenerateCredentialReport").inScenario("report").whenScenarioStateIs("done"),
                xml("iam/GenerateCredentialReport-COMPLETE.xml"));

        RecordingContext result = collect(Duration.ofMinutes(2));

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(AwsIamUser.class)).hasSize(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(aws.count(queried("GenerateCredentialReport"))).isEqualTo(3);
        assertThat(aws.count(queried("GetCredentialReport"))).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheBoundedWaitWithATimeoutIssue() {
        aws.fault(query("GenerateCredentialReport"), xml("iam/GenerateCredentialReport-STARTED.xml"));

        RecordingContext result = collect(Duration.ofSeconds(10));

        // 0.25 + 0.5 + 1 + 2 + 4 + 5 = 12.75 s of waiting would pass 10 s: six sleeps, seven polls.
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(aws.count(queried("GenerateCredentialReport"))).isEqualTo(7);
        assertThat(aws.count(queried("GetCredentialReport"))).isZero();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.TIMEOUT);
            assertThat(issue.operation()).isEqualTo("iam:GenerateCredentialReport");
            assertThat(issue.message()).contains("STARTED").contains("PT10S");
        });
        assertThat(result.facts(AwsIamUser.class)).isEmpty();
    }

    @Test
    void anAnswerWithoutAStateIsMalformedNotAReasonToWait() {
        aws.fault(query("GenerateCredentialReport"), xml("<GenerateCredentialReportResponse xmlns=\"https://iam."
                + "amazonaws.com/doc/2010-05-08/\"><GenerateCredentialReportResult/></GenerateCredentialReportResponse>"));

        RecordingContext result = collect(Duration.ofMinutes(2));

        assertThat(sleeps).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.factKinds()).containsExactlyInAnyOrder(AwsIamUser.KIND, "identity.human");
        });
    }

    @Test
    void recordsEveryResponseIncludingErrorsWithParametersButNoHeaders() {
        aws.fault(FakeAws.s3(FakeAws.BETA, "acl"), aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml").withBody(FakeAws.fixture("s3/AccessDenied.xml")));

        RecordingContext result = collect(Duration.ofMinutes(2));

        RawEvidence denied = result.evidence().values().stream()
                .filter(raw -> raw.operation().equals("GetBucketAcl") && raw.statusCode() == 403)
                .findFirst().orElseThrow();
        assertThat(denied.provider()).isEqualTo("aws");
        assertThat(denied.service()).isEqualTo("s3");
        assertThat(denied.region()).isEqualTo("eu-west-1");
        assertThat(denied.requestParameters()).containsExactly(Map.entry("Bucket", FakeAws.BETA));
        assertThat(denied.contentType()).isEqualTo("application/xml");
        assertThat(denied.responseBody()).contains("<Code>AccessDenied</Code>");
        assertThat(result.evidence().values()).allSatisfy(raw -> assertThat(raw.requestParameters().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("authorization") || name.toLowerCase().startsWith("x-amz")));
        assertThat(result.evidence().values()).extracting(RawEvidence::operation).contains("GetCallerIdentity",
                "GetCredentialReport", "ListBuckets", "GetPublicAccessBlock");
        // The credentials are registered as secrets, so the engine scrubs them from every output.
        assertThat(result.secrets()).contains(TestAwsEnvironment.SECRET_ACCESS_KEY, TestAwsEnvironment.SESSION_TOKEN);
        CollectionIssue issue = result.issues().get(0);
        assertThat(issue.message()).contains("evidence ");
    }
}
