package dev.evidentry.aws;

import static dev.evidentry.provider.support.Failures.firstLine;
import static dev.evidentry.provider.support.Failures.hasCause;
import static dev.evidentry.provider.support.Failures.rootCause;
import static dev.evidentry.provider.support.Failures.shorten;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns whatever an AWS call threw into an {@link IssueCause} and a sentence that holds no secret.
 *
 * <table>
 * <caption>What decides the cause, first match wins</caption>
 * <tr><th>Failure</th><th>Cause</th></tr>
 * <tr><td>{@link ApiCallTimeoutException}, {@link ApiCallAttemptTimeoutException}, a socket or HTTP timeout
 *     underneath</td><td>TIMEOUT</td></tr>
 * <tr><td>error code InvalidClientTokenId, SignatureDoesNotMatch, InvalidSignatureException, IncompleteSignature,
 *     ExpiredToken(Exception), InvalidAccessKeyId, UnrecognizedClientException, AuthFailure, InvalidToken,
 *     TokenRefreshRequired, MissingAuthenticationToken; HTTP 401; no credentials found by the chain, an expired SSO
 *     session</td><td>INVALID_CREDENTIALS</td></tr>
 * <tr><td>error code AccessDenied, AccessDeniedException, UnauthorizedOperation, UnauthorizedAccess,
 *     AuthorizationError, AllAccessDisabled; HTTP 403</td><td>ACCESS_DENIED</td></tr>
 * <tr><td>error code Throttling, ThrottlingException, ThrottledException, SlowDown, RequestLimitExceeded,
 *     TooManyRequestsException, RequestThrottled(Exception), BandwidthLimitExceeded; HTTP 429 (after the
 *     retries)</td><td>THROTTLED</td></tr>
 * <tr><td>OptInRequired(Exception), SubscriptionRequiredException (a service the account has not signed up for),
 *     NotImplemented, InvalidAction, UnsupportedOperation(Exception), HTTP 501</td><td>UNSUPPORTED</td></tr>
 * <tr><td>HTTP 5xx, including moto's HTML page for an operation it does not implement</td><td>SERVER_ERROR</td></tr>
 * <tr><td>a body the SDK or this provider could not read (XML/JSON parse errors, bad Base64, dates or numbers,
 *     a required element missing)</td><td>MALFORMED_RESPONSE</td></tr>
 * <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 */
final class FailureClassifier {

    private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "UnrecognizedClientException",
            "AuthFailure", "InvalidToken", "TokenRefreshRequired", "MissingAuthenticationToken",
            "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException",
            "MissingAuthenticationTokenException");
    private static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AllAccessDisabled", "Forbidden");
    private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
            "ThrottledException", "SlowDown", "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled",
            "RequestThrottledException", "BandwidthLimitExceeded", "ProvisionedThroughputExceededException",
            "PriorRequestNotComplete", "EC2ThrottledException", "TransactionInProgressException");
    private static final Set<String> UNSUPPORTED_CODES = Set.of("OptInRequired", "OptInRequiredException",
            "SubscriptionRequiredException", "NotImplemented", "InvalidAction", "UnsupportedOperation",
            "UnsupportedOperationException", "MethodNotAllowed");

    private FailureClassifier() {}

    /** Classifies a failed call; {@code evidence} is the last response's evidence id, when one was received. */
    static CallException classify(String operation, Throwable failure, EvidenceId evidence) {
        Throwable thrown = unwrap(failure);
        if (thrown instanceof CallException already) {
            return already;
        }
        return new CallException(operation, cause(thrown), detail(thrown), evidence, thrown);
    }

    static IssueCause cause(Throwable failure) {
        Throwable thrown = unwrap(failure);
        if (thrown instanceof CallException call) {
            return call.issueCause();
        }
        if (thrown instanceof ApiCallTimeoutException || thrown instanceof ApiCallAttemptTimeoutException
                || hasCause(thrown, SocketTimeoutException.class)
                || hasCause(thrown, java.net.http.HttpTimeoutException.class)) {
            return IssueCause.TIMEOUT;
        }
        if (thrown instanceof AwsServiceException service) {
            return serviceCause(service);
        }
        if (thrown instanceof MalformedResponseException || isParseFailure(thrown)) {
            return IssueCause.MALFORMED_RESPONSE;
        }
        if (thrown instanceof SdkClientException && isCredentialProblem(thrown)) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        if (hasCause(thrown, InterruptedIOException.class)) {
            return IssueCause.TIMEOUT;
        }
        return IssueCause.UNKNOWN;
    }

    private static IssueCause serviceCause(AwsServiceException service) {
        String code = errorCode(service);
        int status = service.statusCode();
        if (CREDENTIAL_CODES.contains(code)) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        if (DENIED_CODES.contains(code)) {
            return IssueCause.ACCESS_DENIED;
        }
        if (THROTTLING_CODES.contains(code) || status == 429 || service.isThrottlingException()) {
            return IssueCause.THROTTLED;
        }
        if (UNSUPPORTED_CODES.contains(code) || status == 501) {
            return IssueCause.UNSUPPORTED;
        }
        if (status == 401) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        if (status == 403) {
            return IssueCause.ACCESS_DENIED;
        }
        if (status >= 500) {
            return IssueCause.SERVER_ERROR;
        }
        if (isParseFailure(service)) {
            return IssueCause.MALFORMED_RESPONSE;
        }
        return IssueCause.UNKNOWN;
    }

    /** The vendor's words: message, error code, HTTP status, request id. Never headers, never credentials. */
    static String detail(Throwable failure) {
        Throwable thrown = unwrap(failure);
        if (thrown instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String message = details == null ? null : details.errorMessage();
            String code = errorCode(service);
            StringBuilder text = new StringBuilder();
            text.append(message == null || message.isBlank() ? "no error message" : message.strip());
            text.append(" (");
            text.append(code.isEmpty() ? "no AWS error code" : code);
            text.append(", HTTP ").append(service.statusCode());
            if (service.requestId() != null && !service.requestId().isBlank()) {
                text.append(", request id ").append(service.requestId());
            }
            text.append(')');
            return shorten(text.toString());
        }
        if (thrown instanceof ApiCallTimeoutException) {
            return shorten("no answer within the api-call-timeout (" + firstLine(thrown.getMessage()) + ")");
        }
        if (thrown instanceof ApiCallAttemptTimeoutException) {
            return shorten("an attempt got no answer in time (" + firstLine(thrown.getMessage()) + ")");
        }
        if (hasCause(thrown, ConnectException.class) || hasCause(thrown, UnknownHostException.class)) {
            return shorten("could not connect: " + firstLine(rootCause(thrown).toString()));
        }
        String message = thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
        Throwable root = rootCause(thrown);
        if (root != thrown && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return shorten(firstLine(message));
    }

    private static String errorCode(AwsServiceException service) {
        AwsErrorDetails details = service.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        return code == null ? "" : code.strip();
    }

    private static boolean isCredentialProblem(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("unable to load credentials") || message.contains("credentials")
                    && (message.contains("could not") || message.contains("unable") || message.contains("no ")
                    || message.contains("expired")) || message.contains("sso session")
                    || message.contains("token has expired") || message.contains("profile file contained no")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isParseFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException || t instanceof org.xml.sax.SAXException
                    || t instanceof DateTimeParseException || t instanceof NumberFormatException
                    || t.getClass().getSimpleName().startsWith("Json")
                    || t instanceof MalformedResponseException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("unmarshall") || message.contains("illegal base64")
                    || message.contains("could not parse") || message.contains("unable to parse")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable thrown = failure;
        while ((thrown instanceof CompletionException || thrown instanceof ExecutionException)
                && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        return thrown;
    }
}
