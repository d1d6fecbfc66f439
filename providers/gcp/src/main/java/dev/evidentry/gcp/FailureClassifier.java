package dev.evidentry.gcp;

import static dev.evidentry.provider.support.Failures.hasCause;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a Google API call threw into an {@link IssueCause} and a sentence that holds no secret.
 *
 * <table>
 * <caption>What decides the cause, first match wins</caption>
 * <tr><th>Failure</th><th>Cause</th></tr>
 * <tr><td>the credentials could not give a token (no ADC, refresh, impersonation or delegation refused)</td>
 *     <td>INVALID_CREDENTIALS, or ACCESS_DENIED when impersonation was refused for lack of permission</td></tr>
 * <tr><td>HTTP 401</td><td>INVALID_CREDENTIALS</td></tr>
 * <tr><td>HTTP 403 with reason {@code accessNotConfigured} or {@code SERVICE_DISABLED}: the API is not enabled in
 *     the project</td><td>UNSUPPORTED, naming the API to enable</td></tr>
 * <tr><td>HTTP 429; HTTP 403 with reason {@code rateLimitExceeded}, {@code userRateLimitExceeded},
 *     {@code quotaExceeded} or {@code RATE_LIMIT_EXCEEDED} (after the retries)</td><td>THROTTLED</td></tr>
 * <tr><td>HTTP 403</td><td>ACCESS_DENIED, naming the permission when Google does</td></tr>
 * <tr><td>HTTP 501</td><td>UNSUPPORTED</td></tr>
 * <tr><td>HTTP 5xx (after the retries)</td><td>SERVER_ERROR</td></tr>
 * <tr><td>HTTP 400, 404</td><td>CONFIGURATION (a project, folder or customer that does not exist)</td></tr>
 * <tr><td>a socket timeout</td><td>TIMEOUT</td></tr>
 * <tr><td>a 2xx answer whose body could not be read</td><td>MALFORMED_RESPONSE</td></tr>
 * <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 */
final class FailureClassifier {

    private static final Set<String> DISABLED_REASONS = Set.of("accessNotConfigured", "SERVICE_DISABLED");
    private static final Set<String> THROTTLED_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded",
            "quotaExceeded", "RATE_LIMIT_EXCEEDED", "RESOURCE_EXHAUSTED");
    /** How Google names a missing permission in its messages. */
    private static final Pattern PERMISSION = Pattern.compile(
            "(?:Permission '|permission '|Required '|does not have |lacks |permission: |Permission )"
                    + "([a-z]+(?:\\.[a-zA-Z]+){2,})");
    private static final Pattern SERVICE = Pattern.compile("\\b([a-z0-9]+)\\.googleapis\\.com\\b");
    private static final int MAX_DETAIL = 600;

    private FailureClassifier() {}

    /**
     * Classifies a failed call.
     *
     * @param lastStatus the status of the last response received, or -1 when none was
     * @param lastEvidence the last response's evidence id, when one was received
     */
    static CallException classify(String operation, Throwable thrown, int lastStatus, EvidenceId lastEvidence) {
        if (thrown instanceof CallException already) {
            return already;
        }
        if (thrown instanceof CredentialsException credentials) {
            String text = detail(credentials);
            boolean denied = text.contains("PERMISSION_DENIED") || text.contains("403");
            return new CallException(operation, denied ? IssueCause.ACCESS_DENIED : IssueCause.INVALID_CREDENTIALS,
                    "the credentials could not give an access token: " + text
                            + (denied ? "; impersonation needs roles/iam.serviceAccountTokenCreator "
                                    + "(iam.serviceAccounts.getAccessToken) on the service account" : ""),
                    null, thrown);
        }
        if (thrown instanceof HttpResponseException response) {
            return fromResponse(operation, response);
        }
        if (hasCause(thrown, SocketTimeoutException.class) || hasCause(thrown, InterruptedIOException.class)) {
            return new CallException(operation, IssueCause.TIMEOUT, "no answer in time: " + detail(thrown),
                    lastEvidence, thrown);
        }
        if (lastStatus >= 200 && lastStatus < 300) {
            return new CallException(operation, IssueCause.MALFORMED_RESPONSE, "HTTP " + lastStatus
                    + " with a body that could not be read: " + detail(thrown), lastEvidence, thrown);
        }
        if (hasCause(thrown, ConnectException.class) || hasCause(thrown, UnknownHostException.class)) {
            return new CallException(operation, IssueCause.UNKNOWN, "cannot connect: " + detail(thrown),
                    lastEvidence, thrown);
        }
        return new CallException(operation, IssueCause.UNKNOWN, detail(thrown), lastEvidence, thrown);
    }

    private static CallException fromResponse(String operation, HttpResponseException response) {
        int status = response.getStatusCode();
        EvidenceId evidence = evidenceId(response.getHeaders()).orElse(null);
        GoogleError error = GoogleError.parse(response.getContent());
        String words = "HTTP " + status + (error.status.isEmpty() ? "" : " " + error.status)
                + (error.reasons.isEmpty() ? "" : " (" + String.join(", ", error.reasons) + ")")
                + (error.message.isEmpty() ? "" : ": " + clip(error.message));
        IssueCause cause;
        String advice = "";
        if (status == 401) {
            cause = IssueCause.INVALID_CREDENTIALS;
            advice = "; refresh the Application Default Credentials (gcloud auth application-default login)";
        } else if (status == 403 && error.reasons.stream().anyMatch(DISABLED_REASONS::contains)) {
            cause = IssueCause.UNSUPPORTED;
            String api = error.service.isEmpty() ? "the API" : error.service;
            advice = "; the API is disabled in the project: enable " + api
                    + (error.service.isEmpty() ? "" : " (gcloud services enable " + error.service + ")")
                    + " or leave the project out";
        } else if (status == 429 || status == 403 && error.reasons.stream().anyMatch(THROTTLED_REASONS::contains)) {
            cause = IssueCause.THROTTLED;
        } else if (status == 403) {
            cause = IssueCause.ACCESS_DENIED;
            advice = error.permission.isEmpty() ? "" : "; grant " + error.permission
                    + " (roles/viewer, or the roles in the provider's documentation)";
        } else if (status == 501) {
            cause = IssueCause.UNSUPPORTED;
        } else if (status >= 500) {
            cause = IssueCause.SERVER_ERROR;
        } else if (status == 400 || status == 404) {
            cause = IssueCause.CONFIGURATION;
        } else {
            cause = IssueCause.UNKNOWN;
        }
        return new CallException(operation, cause, words + advice, evidence, response);
    }

    static Optional<EvidenceId> evidenceId(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.getFirstHeaderStringValue(EvidenceTransport.EVIDENCE_ID_HEADER);
        return value == null ? Optional.empty() : Optional.of(new EvidenceId(value));
    }

    static String detail(Throwable thrown) {
        String text = thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return clip(text.replaceAll("\\s+", " "));
    }

    private static String clip(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    /** What Google's JSON error body says: {@code error.status}, the reasons, the message, the API and permission. */
    private record GoogleError(String status, Set<String> reasons, String message, String service, String permission) {

        static GoogleError parse(String content) {
            Set<String> reasons = new LinkedHashSet<>();
            String status = "";
            String message = "";
            String service = "";
            String permission = "";
            try {
                JsonElement root = content == null || content.isBlank() ? null : JsonParser.parseString(content);
                // Google's body is {"error": {...}}; GoogleJsonResponseException keeps only the inner object.
                JsonObject error = root == null || !root.isJsonObject() ? null
                        : root.getAsJsonObject().has("error") && root.getAsJsonObject().get("error").isJsonObject()
                        ? root.getAsJsonObject().getAsJsonObject("error") : root.getAsJsonObject();
                if (error != null) {
                    status = string(error, "status");
                    message = string(error, "message");
                    for (JsonElement item : array(error, "errors")) {
                        if (item.isJsonObject() && !string(item.getAsJsonObject(), "reason").isEmpty()) {
                            reasons.add(string(item.getAsJsonObject(), "reason"));
                        }
                    }
                    for (JsonElement item : array(error, "details")) {
                        if (!item.isJsonObject()) {
                            continue;
                        }
                        JsonObject detail = item.getAsJsonObject();
                        if (!string(detail, "reason").isEmpty()) {
                            reasons.add(string(detail, "reason"));
                        }
                        if (detail.has("metadata") && detail.get("metadata").isJsonObject()) {
                            JsonObject metadata = detail.getAsJsonObject("metadata");
                            if (!string(metadata, "service").isEmpty()) {
                                service = string(metadata, "service");
                            }
                            if (!string(metadata, "permission").isEmpty()) {
                                permission = string(metadata, "permission");
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                // not JSON: an HTML error page or a proxy's words; the status still decides
                message = content == null ? "" : content.strip();
            }
            if (permission.isEmpty()) {
                Matcher matcher = PERMISSION.matcher(message);
                if (matcher.find()) {
                    permission = matcher.group(1);
                }
            }
            if (service.isEmpty() && (reasons.contains("accessNotConfigured") || reasons.contains("SERVICE_DISABLED"))) {
                Matcher matcher = SERVICE.matcher(message);
                if (matcher.find()) {
                    service = matcher.group(1) + ".googleapis.com";
                }
            }
            return new GoogleError(status, reasons, message.toLowerCase(Locale.ROOT).startsWith("<!doctype")
                    || message.startsWith("<html") ? "(an HTML page)" : message, service, permission);
        }

        private static String string(JsonObject object, String name) {
            JsonElement value = object.get(name);
            return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
        }

        private static JsonArray array(JsonObject object, String name) {
            JsonElement value = object.get(name);
            return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
        }
    }
}
