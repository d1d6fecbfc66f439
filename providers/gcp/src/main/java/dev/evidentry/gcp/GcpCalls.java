package dev.evidentry.gcp;

import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Makes Google API calls and turns any failure into a classified {@link CallException} naming its evidence. */
final class GcpCalls {

    private GcpCalls() {}

    /** An answer and the evidence it was read from. */
    record Evidenced<T>(T value, EvidenceId evidence) {}

    /** A request to make, built for a page token ({@code null} for the first page). */
    @FunctionalInterface
    interface PageRequest<T> {
        AbstractGoogleClientRequest<T> build(String pageToken) throws IOException;
    }

    /** Google's method id for a request, such as {@code storage.buckets.list}, from the client's request class. */
    static String operation(AbstractGoogleClientRequest<?> request) {
        return operation(request.getClass());
    }

    static String operation(Class<?> type) {
        String name = type.getName();
        String[] parts = name.substring(name.lastIndexOf('.') + 1).split("\\$");
        StringBuilder id = new StringBuilder(service(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            id.append('.').append(Character.toLowerCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return id.toString();
    }

    private static String service(String client) {
        return switch (client) {
            case "SQLAdmin" -> "sql";
            case "CloudKMS" -> "cloudkms";
            case "CloudResourceManager" -> "cloudresourcemanager";
            default -> client.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Makes one call (with the client's retries) and returns the answer with its evidence id. */
    static <T> Evidenced<T> call(AbstractGoogleClientRequest<T> request) {
        String operation = operation(request);
        T value;
        try {
            value = request.execute();
        } catch (IOException | RuntimeException e) {
            throw FailureClassifier.classify(operation, e, request.getLastStatusCode(),
                    FailureClassifier.evidenceId(request.getLastResponseHeaders()).orElse(null));
        }
        EvidenceId id = FailureClassifier.evidenceId(request.getLastResponseHeaders())
                .orElseThrow(() -> new CallException(operation, IssueCause.PLUGIN_FAILURE,
                        "the answer carries no evidence id: the client was built without the evidence transport",
                        null, null));
        if (value == null) {
            throw CallException.malformed(operation, "HTTP " + request.getLastStatusCode() + " with no body", id);
        }
        return new Evidenced<>(value, id);
    }

    /** Builds a request, turning a failure to build it (a bad name) into a classified failure. */
    static <T> AbstractGoogleClientRequest<T> build(String operation, PageRequest<T> request, String token) {
        try {
            return request.build(token);
        } catch (IOException | RuntimeException e) {
            throw new CallException(operation, IssueCause.PLUGIN_FAILURE, "cannot build the request: "
                    + FailureClassifier.detail(e), null, e);
        }
    }

    /**
     * Reads every page of a listing in turn, handing each page on as it arrives.
     *
     * @param nextToken the page's {@code nextPageToken}; {@code null} or empty on the last page
     * @throws CallException for a failed page (earlier pages have been handed on) or a token seen before
     */
    static <T> void pages(String operation, PageRequest<T> request, Function<T, String> nextToken,
            Consumer<Evidenced<T>> page) {
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            Evidenced<T> answer = call(build(operation, request, token));
            page.accept(answer);
            token = nextToken.apply(answer.value());
            if (token != null && !token.isEmpty() && !seen.add(token)) {
                throw CallException.malformed(operation, "nextPageToken '" + token + "' was given before: the "
                        + "listing would never end", answer.evidence());
            }
        } while (token != null && !token.isEmpty());
    }
}
