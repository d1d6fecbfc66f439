package dev.evidentry.github;

import static dev.evidentry.provider.support.Failures.firstLine;
import static dev.evidentry.provider.support.Failures.hasCause;
import static dev.evidentry.provider.support.Failures.rootCause;
import static dev.evidentry.provider.support.Failures.shorten;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.github.RateLimitPolicy.ThrottledException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Turns a failed GitHub call into an {@link IssueCause} and a sentence that holds no secret. The last response's
 * status decides when one came; the exception decides otherwise.
 *
 * <table>
 * <caption>What decides the cause, first match wins</caption>
 * <tr><th>Failure</th><th>Cause</th></tr>
 * <tr><td>a rate limit too long to wait for, or still there after the waits</td><td>THROTTLED</td></tr>
 * <tr><td>HTTP 401</td><td>INVALID_CREDENTIALS</td></tr>
 * <tr><td>HTTP 429, and a 403 whose message is about a rate limit</td><td>THROTTLED</td></tr>
 * <tr><td>HTTP 403 (SAML SSO, missing scope or permission), 404 (GitHub hides what a token may not see)</td>
 *     <td>ACCESS_DENIED</td></tr>
 * <tr><td>HTTP 501</td><td>UNSUPPORTED</td></tr>
 * <tr><td>HTTP 5xx</td><td>SERVER_ERROR</td></tr>
 * <tr><td>a 2xx body that is not the JSON expected</td><td>MALFORMED_RESPONSE</td></tr>
 * <tr><td>no answer in time, or no connection</td><td>TIMEOUT</td></tr>
 * <tr><td>anything else (HTTP 422 and other 4xx included)</td><td>UNKNOWN</td></tr>
 * </table>
 */
final class FailureClassifier {

    private FailureClassifier() {}

    static GithubCallException classify(String operation, Throwable failure, Exchange last) {
        if (failure instanceof GithubCallException already) {
            return already;
        }
        EvidenceId evidence = last == null ? null : last.evidence();
        int status = last == null ? -1 : last.status();
        if (hasCause(failure, ThrottledException.class)) {
            return new GithubCallException(operation, IssueCause.THROTTLED, shorten(causeMessage(failure,
                    ThrottledException.class)), status, evidence, failure);
        }
        if (last != null && last.status() >= 400) {
            return byStatus(operation, last, failure);
        }
        if (isParseFailure(failure)) {
            return new GithubCallException(operation, IssueCause.MALFORMED_RESPONSE, shorten("the answer could not be"
                    + " read: " + firstLine(rootCause(failure).getMessage())) + statusSuffix(status), status, evidence,
                    failure);
        }
        if (hasCause(failure, HttpTimeoutException.class) || hasCause(failure, SocketTimeoutException.class)) {
            return new GithubCallException(operation, IssueCause.TIMEOUT, "no answer within the request-timeout ("
                    + firstLine(rootCause(failure).getMessage()) + ")", status, evidence, failure);
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, UnknownHostException.class)) {
            return new GithubCallException(operation, IssueCause.TIMEOUT, shorten("could not connect: "
                    + rootCause(failure)), status, evidence, failure);
        }
        if (hasCause(failure, InterruptedIOException.class)) {
            return new GithubCallException(operation, IssueCause.TIMEOUT, "interrupted", status, evidence, failure);
        }
        return new GithubCallException(operation, IssueCause.UNKNOWN, shorten(describe(failure)), status, evidence,
                failure);
    }

    /** A failure decided by the answer's HTTP status; {@code failure} may be null when the library threw nothing. */
    static GithubCallException byStatus(String operation, Exchange last, Throwable failure) {
        int status = last.status();
        IssueCause cause;
        if (status == 401) {
            cause = IssueCause.INVALID_CREDENTIALS;
        } else if (status == 429 || status == 403 && githubMessage(last).contains("rate limit")) {
            cause = IssueCause.THROTTLED;
        } else if (status == 403 || status == 404) {
            cause = IssueCause.ACCESS_DENIED;
        } else if (status == 501) {
            cause = IssueCause.UNSUPPORTED;
        } else if (status >= 500) {
            cause = IssueCause.SERVER_ERROR;
        } else {
            cause = IssueCause.UNKNOWN;
        }
        return new GithubCallException(operation, cause, shorten(githubMessage(last) + " (HTTP " + status + ")"),
                status, last.evidence(), failure);
    }

    /** GitHub's own words from an error body ({@code {"message": ...}}), or the start of the body. */
    static String githubMessage(Exchange exchange) {
        String text = exchange.bodyText().strip();
        if (text.isEmpty()) {
            return "no error message";
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.path("message").isTextual()) {
                return node.path("message").asText().strip();
            }
        } catch (JsonProcessingException e) {
            // not JSON: an HTML error page from a proxy or GitHub's "unicorn"
        }
        return "a non-JSON answer starting " + firstLine(text.length() > 120 ? text.substring(0, 120) : text);
    }

    private static String describe(Throwable failure) {
        Throwable root = rootCause(failure);
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return firstLine(message);
    }

    private static boolean isParseFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof NumberFormatException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("unexpected character") || message.contains("cannot deserialize")) {
                return true;
            }
        }
        return false;
    }

    private static String statusSuffix(int status) {
        return status < 0 ? "" : " (HTTP " + status + ")";
    }

    private static String causeMessage(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t.getMessage();
            }
        }
        return failure.getMessage();
    }
}
