package dev.evidentry.okta;

import static dev.evidentry.provider.support.Failures.find;
import static dev.evidentry.provider.support.Failures.firstLine;
import static dev.evidentry.provider.support.Failures.hasCause;
import static dev.evidentry.provider.support.Failures.rootCause;
import static dev.evidentry.provider.support.Failures.shorten;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.okta.sdk.resource.client.ApiException;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Turns whatever an Okta call threw into an {@link IssueCause} and a sentence that holds no secret.
 *
 * <table>
 * <caption>What decides the cause, first match wins</caption>
 * <tr><th>Failure</th><th>Cause</th></tr>
 * <tr><td>a JSON body the SDK could not read (Jackson), a date or number that does not parse</td>
 *     <td>MALFORMED_RESPONSE</td></tr>
 * <tr><td>HTTP 401 (E0000011 invalid token, E0000004), OAuth {@code invalid_client}, {@code invalid_grant},
 *     {@code unauthorized_client}</td><td>INVALID_CREDENTIALS</td></tr>
 * <tr><td>HTTP 403 (E0000006, {@code insufficient_scope}), OAuth {@code invalid_scope},
 *     {@code access_denied}</td><td>ACCESS_DENIED</td></tr>
 * <tr><td>HTTP 429 (E0000047) after the waits allowed</td><td>THROTTLED</td></tr>
 * <tr><td>HTTP 400 and 501: the org does not support the request (a Classic Engine org asked for authentication
 *     policies)</td><td>UNSUPPORTED</td></tr>
 * <tr><td>other HTTP 5xx</td><td>SERVER_ERROR</td></tr>
 * <tr><td>no answer in time (socket or connect timeout, an interrupted read)</td><td>TIMEOUT</td></tr>
 * <tr><td>a TLS handshake that failed (an untrusted certificate: see the option {@code ca-file}), a private key that
 *     cannot be read</td><td>CONFIGURATION</td></tr>
 * <tr><td>anything else (a host that cannot be reached, HTTP 404)</td><td>UNKNOWN</td></tr>
 * </table>
 */
final class FailureClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("invalid_client", "invalid_grant",
            "unauthorized_client", "invalid_dpop_proof");
    private static final Set<String> DENIED_ERRORS = Set.of("invalid_scope", "access_denied", "insufficient_scope");

    private FailureClassifier() {}

    /** Classifies a failed call; {@code evidence} is the last response's evidence id, when one was received. */
    static CallException classify(String operation, Throwable failure, EvidenceId evidence) {
        if (failure instanceof CallException already) {
            return already;
        }
        return new CallException(operation, cause(failure), detail(failure), evidence, failure);
    }

    static IssueCause cause(Throwable failure) {
        if (failure instanceof CallException call) {
            return call.issueCause();
        }
        if (hasCause(failure, JsonProcessingException.class) || hasCause(failure, DateTimeParseException.class)
                || hasCause(failure, NumberFormatException.class)) {
            return IssueCause.MALFORMED_RESPONSE;
        }
        ApiException api = find(failure, ApiException.class);
        if (api != null && api.getCode() > 0) {
            return statusCause(api);
        }
        String oauthError = text(oauthErrorBody(failure), "error");
        if (CREDENTIAL_ERRORS.contains(oauthError)) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        if (DENIED_ERRORS.contains(oauthError)) {
            return IssueCause.ACCESS_DENIED;
        }
        if (hasCause(failure, SocketTimeoutException.class)
                || hasCause(failure, org.apache.hc.client5.http.ConnectTimeoutException.class)) {
            return IssueCause.TIMEOUT;
        }
        if (hasCause(failure, SSLException.class)) {
            return IssueCause.CONFIGURATION;
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, UnknownHostException.class)
                || hasCause(failure, NoRouteToHostException.class)) {
            return IssueCause.UNKNOWN;
        }
        if (hasCause(failure, InterruptedIOException.class)) {
            return IssueCause.TIMEOUT;
        }
        if (hasCause(failure, GeneralSecurityException.class) || isKeyProblem(failure)) {
            return IssueCause.CONFIGURATION;
        }
        return IssueCause.UNKNOWN;
    }

    private static IssueCause statusCause(ApiException api) {
        int status = api.getCode();
        String oauthError = oauthError(api);
        if (CREDENTIAL_ERRORS.contains(oauthError) || status == 401) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        if (DENIED_ERRORS.contains(oauthError) || status == 403) {
            return IssueCause.ACCESS_DENIED;
        }
        if (status == 429) {
            return IssueCause.THROTTLED;
        }
        if (status == 400 || status == 501) {
            return IssueCause.UNSUPPORTED;
        }
        if (status >= 500) {
            return IssueCause.SERVER_ERROR;
        }
        return IssueCause.UNKNOWN;
    }

    /** Whether the failure is worth another attempt: a 5xx answer or a transport failure, never a body we misread. */
    static boolean retryable(Throwable failure) {
        if (hasCause(failure, JsonProcessingException.class) || hasCause(failure, SSLException.class)
                || hasCause(failure, UnknownHostException.class)) {
            return false;
        }
        ApiException api = find(failure, ApiException.class);
        if (api != null && api.getCode() > 0) {
            return api.getCode() >= 500 && api.getCode() != 501;
        }
        return hasCause(failure, IOException.class);
    }

    /**
     * The vendor's words: Okta's error summary, code and id, the HTTP status, or OAuth's error and description.
     * Never a header value, never a credential.
     */
    static String detail(Throwable failure) {
        ApiException api = find(failure, ApiException.class);
        if (api != null && api.getCode() > 0) {
            StringBuilder text = new StringBuilder();
            JsonNode body = body(api);
            String summary = text(body, "errorSummary");
            String code = text(body, "errorCode");
            String oauthError = text(body, "error");
            String description = text(body, "error_description");
            if (!summary.isEmpty()) {
                text.append(summary);
            } else if (!oauthError.isEmpty()) {
                text.append(oauthError).append(description.isEmpty() ? "" : ": " + description);
            } else {
                String challenge = wwwAuthenticate(api);
                text.append(challenge.isEmpty() ? "no error message" : challenge);
            }
            text.append(" (");
            if (!code.isEmpty()) {
                text.append(code).append(", ");
            }
            text.append("HTTP ").append(api.getCode());
            String errorId = text(body, "errorId");
            if (!errorId.isEmpty()) {
                text.append(", error id ").append(errorId);
            }
            text.append(')');
            return shorten(text.toString());
        }
        JsonNode oauth = oauthErrorBody(failure);
        if (oauth != null) {
            String description = text(oauth, "error_description");
            return shorten(text(oauth, "error") + (description.isEmpty() ? "" : ": " + description)
                    + " (the token request was refused)");
        }
        if (hasCause(failure, SocketTimeoutException.class)) {
            return "no answer within the request-timeout (" + firstLine(find(failure, SocketTimeoutException.class)
                    .getMessage()) + ")";
        }
        Throwable root = rootCause(failure);
        if (hasCause(failure, JsonProcessingException.class)) {
            JsonProcessingException json = find(failure, JsonProcessingException.class);
            return shorten("the answer is not the JSON the Okta SDK expects: " + firstLine(json.getOriginalMessage()));
        }
        if (hasCause(failure, SSLException.class)) {
            return shorten("TLS handshake failed: " + firstLine(find(failure, SSLException.class).getMessage())
                    + "; if a proxy inspects TLS, give its CA certificate with the option " + OktaOptions.CA_FILE);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return shorten(firstLine(message));
    }

    /** The OAuth 2.0 error code of an answer ({@code invalid_client}...), from its body or WWW-Authenticate header. */
    private static String oauthError(ApiException api) {
        String error = text(body(api), "error");
        if (!error.isEmpty()) {
            return error;
        }
        String challenge = wwwAuthenticate(api).toLowerCase(Locale.ROOT);
        for (String known : List.of("insufficient_scope", "invalid_token")) {
            if (challenge.contains(known)) {
                return known;
            }
        }
        return "";
    }

    /**
     * The OAuth 2.0 error body of a refused token request: the SDK reports a 400 from the token endpoint as a DPoP
     * handshake failure whose message ends with the body ({@code ... Error response body: {"error":...}}).
     */
    private static JsonNode oauthErrorBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            int body = message == null ? -1 : message.indexOf("Error response body: {");
            if (body >= 0) {
                try {
                    JsonNode json = JSON.readTree(message.substring(body + "Error response body: ".length()));
                    if (json != null && json.hasNonNull("error")) {
                        return json;
                    }
                } catch (IOException e) {
                    return null;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String wwwAuthenticate(ApiException api) {
        Map<String, List<String>> headers = api.getResponseHeaders();
        if (headers == null) {
            return "";
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase("WWW-Authenticate")
                    && header.getValue() != null && !header.getValue().isEmpty()) {
                return firstLine(header.getValue().get(0));
            }
        }
        return "";
    }

    private static JsonNode body(ApiException api) {
        String body = api.getResponseBody();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(field);
        return value == null || !value.isValueNode() ? "" : value.asText().strip();
    }

    private static boolean isKeyProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("private key") || message.contains("privatekey") || message.contains("pem")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
