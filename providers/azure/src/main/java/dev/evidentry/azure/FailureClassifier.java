package dev.evidentry.azure;

import static dev.evidentry.provider.support.Failures.firstLine;
import static dev.evidentry.provider.support.Failures.hasCause;
import static dev.evidentry.provider.support.Failures.shorten;

import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns a failed Azure call into an {@link IssueCause} and a sentence that holds no secret.
 *
 * <table>
 * <caption>What decides the cause, first match wins</caption>
 * <tr><th>Failure</th><th>Cause</th></tr>
 * <tr><td>HTTP 403 with Graph's {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}, or a message about a
 *     premium licence or a missing SKU</td><td>UNSUPPORTED, naming the Entra ID P1/P2 licence</td></tr>
 * <tr><td>HTTP 401; {@code InvalidAuthenticationToken*}, {@code ExpiredAuthenticationToken}; a credential that could
 *     not get a token</td><td>INVALID_CREDENTIALS</td></tr>
 * <tr><td>HTTP 403; {@code AuthorizationFailed}, {@code Authorization_RequestDenied}</td><td>ACCESS_DENIED</td></tr>
 * <tr><td>HTTP 429 (after the retries)</td><td>THROTTLED</td></tr>
 * <tr><td>{@code SubscriptionNotRegistered}, {@code MissingSubscriptionRegistration}, HTTP 501</td>
 *     <td>UNSUPPORTED</td></tr>
 * <tr><td>HTTP 408, a request or response timeout</td><td>TIMEOUT</td></tr>
 * <tr><td>other HTTP 5xx</td><td>SERVER_ERROR</td></tr>
 * <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 */
final class FailureClassifier {

    /** Graph's answer when the tenant lacks the Entra ID P1/P2 licence an API needs. */
    static final String NO_PREMIUM_LICENCE = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

    static final String LICENCE_ADVICE = "this API needs a Microsoft Entra ID P1 or P2 licence in the tenant "
            + "(Entra ID Free and Microsoft 365 Basic do not include it)";

    private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAuthenticationToken",
            "InvalidAuthenticationTokenTenant", "InvalidAuthenticationTokenAudience", "ExpiredAuthenticationToken",
            "AuthenticationFailed");
    private static final Set<String> UNREGISTERED_CODES = Set.of("SubscriptionNotRegistered",
            "MissingSubscriptionRegistration", "NoRegisteredProviderFound");

    private FailureClassifier() {}

    /** Classifies an error answer from its status and the {@code error} object ARM and Graph both send. */
    static AzureCallException answer(String operation, int status, JsonNode body, String requestId,
            EvidenceId evidence) {
        JsonNode error = body == null ? null : body.path("error");
        String code = error == null ? "" : error.path("code").asText("").strip();
        String message = error == null ? "" : error.path("message").asText("").strip();
        IssueCause cause = cause(status, code, message);
        StringBuilder detail = new StringBuilder();
        detail.append(message.isEmpty() ? "no error message" : message);
        detail.append(" (").append(code.isEmpty() ? "no error code" : code).append(", HTTP ").append(status);
        if (requestId != null && !requestId.isBlank()) {
            detail.append(", request id ").append(requestId.strip());
        }
        detail.append(')');
        if (isLicence(status, code, message)) {
            detail.append("; ").append(LICENCE_ADVICE);
        }
        return new AzureCallException(operation, cause, shorten(detail.toString()), evidence, null);
    }

    static IssueCause cause(int status, String code, String message) {
        if (isLicence(status, code, message)) {
            return IssueCause.UNSUPPORTED;
        }
        if (status == 401 || CREDENTIAL_CODES.contains(code)) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        if (status == 403) {
            return IssueCause.ACCESS_DENIED;
        }
        if (status == 429) {
            return IssueCause.THROTTLED;
        }
        if (status == 501 || UNREGISTERED_CODES.contains(code)) {
            return IssueCause.UNSUPPORTED;
        }
        if (status == 408 || status == 504 && code.toLowerCase(Locale.ROOT).contains("timeout")) {
            return IssueCause.TIMEOUT;
        }
        if (status >= 500) {
            return IssueCause.SERVER_ERROR;
        }
        return IssueCause.UNKNOWN;
    }

    private static boolean isLicence(int status, String code, String message) {
        if (status != 403) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return code.equals(NO_PREMIUM_LICENCE) || text.contains("premium license") || text.contains("premium licence")
                || text.contains("does not have a sku") || text.contains("doesn't have premium");
    }

    /** Classifies a call that got no answer: the credential failed, the connection failed or timed out. */
    static AzureCallException thrown(String operation, Throwable failure) {
        IssueCause cause;
        String detail;
        if (hasCause(failure, ClientAuthenticationException.class)) {
            cause = IssueCause.INVALID_CREDENTIALS;
            detail = "no access token: " + firstLine(rootMessage(failure));
        } else if (hasCause(failure, HttpTimeoutException.class) || hasCause(failure, TimeoutException.class)
                || hasCause(failure, InterruptedIOException.class)) {
            cause = IssueCause.TIMEOUT;
            detail = "no answer within the timeout (" + firstLine(rootMessage(failure)) + ")";
        } else if (hasCause(failure, ConnectException.class) || hasCause(failure, UnknownHostException.class)) {
            cause = IssueCause.UNKNOWN;
            detail = "could not connect: " + firstLine(rootMessage(failure));
        } else {
            cause = IssueCause.UNKNOWN;
            detail = failure.getClass().getSimpleName() + ": " + firstLine(rootMessage(failure));
        }
        return new AzureCallException(operation, cause, shorten(detail), null, failure);
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = thrown.getMessage() == null ? "" : thrown.getMessage();
        if (root != thrown && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message.isEmpty() ? root.getMessage() : message + " (" + root.getMessage() + ")";
        }
        return message.isEmpty() ? root.getClass().getSimpleName() : message;
    }
}
