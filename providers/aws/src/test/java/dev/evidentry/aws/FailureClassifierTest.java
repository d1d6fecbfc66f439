package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.IssueCause;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class FailureClassifierTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(service(403, "AccessDenied"), IssueCause.ACCESS_DENIED),
                Arguments.of(service(400, "AccessDeniedException"), IssueCause.ACCESS_DENIED),
                Arguments.of(service(403, "UnauthorizedOperation"), IssueCause.ACCESS_DENIED),
                Arguments.of(service(403, null), IssueCause.ACCESS_DENIED),
                Arguments.of(service(400, "Throttling"), IssueCause.THROTTLED),
                Arguments.of(service(400, "ThrottlingException"), IssueCause.THROTTLED),
                Arguments.of(service(503, "SlowDown"), IssueCause.THROTTLED),
                Arguments.of(service(503, "RequestLimitExceeded"), IssueCause.THROTTLED),
                Arguments.of(service(429, null), IssueCause.THROTTLED),
                Arguments.of(service(500, null), IssueCause.SERVER_ERROR),
                Arguments.of(service(500, "InternalError"), IssueCause.SERVER_ERROR),
                Arguments.of(service(503, "ServiceUnavailable"), IssueCause.SERVER_ERROR),
                Arguments.of(service(403, "InvalidClientTokenId"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(403, "SignatureDoesNotMatch"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(400, "ExpiredToken"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(400, "ExpiredTokenException"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(403, "InvalidAccessKeyId"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(401, null), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(403, "OptInRequired"), IssueCause.UNSUPPORTED),
                Arguments.of(service(401, "OptInRequired"), IssueCause.UNSUPPORTED),
                Arguments.of(service(403, "SubscriptionRequiredException"), IssueCause.UNSUPPORTED),
                Arguments.of(service(400, "UnsupportedOperationException"), IssueCause.UNSUPPORTED),
                Arguments.of(service(400, "InvalidSignatureException"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(400, "UnrecognizedClientException"), IssueCause.INVALID_CREDENTIALS),
                Arguments.of(service(404, "NoSuchBucket"), IssueCause.UNKNOWN),
                Arguments.of(ApiCallTimeoutException.create(500), IssueCause.TIMEOUT),
                Arguments.of(ApiCallAttemptTimeoutException.create(500), IssueCause.TIMEOUT),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Read timed out",
                        new SocketTimeoutException("Read timed out")), IssueCause.TIMEOUT),
                Arguments.of(SdkClientException.create("Unable to unmarshall response (Unexpected EOF)",
                        new XMLStreamException("Unexpected EOF")), IssueCause.MALFORMED_RESPONSE),
                Arguments.of(new MalformedResponseException("no SummaryMap"), IssueCause.MALFORMED_RESPONSE),
                Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the "
                        + "chain AwsCredentialsProviderChain(credentialsProviders=[...])"),
                        IssueCause.INVALID_CREDENTIALS),
                Arguments.of(SdkClientException.create("The SSO session associated with this profile has expired or "
                        + "is otherwise invalid. To refresh this SSO session run aws sso login"),
                        IssueCause.INVALID_CREDENTIALS),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection refused",
                        new ConnectException("Connection refused")), IssueCause.UNKNOWN),
                Arguments.of(new CompletionException(service(403, "AccessDenied")), IssueCause.ACCESS_DENIED),
                Arguments.of(new IllegalStateException("a bug"), IssueCause.UNKNOWN));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void classifies(Throwable failure, IssueCause expected) {
        assertThat(FailureClassifier.cause(failure)).isEqualTo(expected);
        CallException classified = FailureClassifier.classify("svc:Op", failure, null);
        assertThat(classified.issueCause()).isEqualTo(expected);
        assertThat(classified.operation()).isEqualTo("svc:Op");
    }

    @Test
    void describesAServiceErrorInTheVendorsWords() {
        String detail = FailureClassifier.detail(service(403, "AccessDenied"));

        assertThat(detail).isEqualTo("User is not authorized (AccessDenied, HTTP 403, request id req-1)");
    }

    @Test
    void describesAnErrorWithoutCodeOrMessage() {
        AwsServiceException bare = AwsServiceException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().build()).build();

        assertThat(FailureClassifier.detail(bare)).isEqualTo("no error message (no AWS error code, HTTP 500)");
    }

    @Test
    void describesAConnectionFailureAndKeepsItShort() {
        assertThat(FailureClassifier.detail(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")))).startsWith("could not connect: ")
                .contains("Connection refused");
        assertThat(FailureClassifier.detail(new IllegalStateException("x".repeat(2_000)))).hasSize(500);
    }

    @Test
    void aClassifiedFailurePassesThroughUnchanged() {
        CallException call = new CallException("s3:GetBucketAcl", IssueCause.MALFORMED_RESPONSE, "no owner",
                null, null);

        assertThat(FailureClassifier.classify("other:Op", call, null)).isSameAs(call);
        assertThat(call.describe("bucket b")).isEqualTo("s3:GetBucketAcl failed for bucket b: answer could not be "
                + "read: no owner");
    }

    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("User is not authorized")
                        .build())
                .build();
    }
}
