package dev.evidentry.aws;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Makes one API call with an {@link EvidenceTrail} on it, and turns any failure into a classified
 * {@link CallException} that names the evidence of the last response.
 */
final class AwsCalls {

    private AwsCalls() {}

    /**
     * Calls AWS.
     *
     * @param operation {@code service:Operation}, as issues name it
     * @param call makes the call; it must put the given override configuration on its request
     */
    static <R extends AwsResponse> Evidenced<R> call(
            String operation, Function<AwsRequestOverrideConfiguration, R> call) {
        EvidenceTrail trail = new EvidenceTrail();
        R response;
        try {
            response = call.apply(trail.overrideConfiguration());
        } catch (RuntimeException e) {
            throw FailureClassifier.classify(operation, e, trail.last().orElse(null));
        }
        EvidenceId id = EvidenceInterceptor.evidenceId(response.sdkHttpResponse())
                .or(trail::last)
                .orElseThrow(() -> new CallException(operation, dev.evidentry.spi.IssueCause.PLUGIN_FAILURE,
                        "the answer carries no evidence id: the client was built without the evidence interceptor",
                        null, null));
        return new Evidenced<>(response, id);
    }

    /**
     * Reads every page of a listing, one call after the other, handing each page to {@code page} as it arrives.
     *
     * @param operation {@code service:Operation}
     * @param call makes the call for a page: the page token ({@code null} for the first) and the override
     *     configuration to put on the request
     * @param nextToken the next page's token in an answer; {@code null} or empty on the last page
     * @param page takes each page; it and {@code nextToken} may throw {@link MalformedResponseException} for an answer
     *     that cannot be read, which becomes a malformed-response failure naming that page's evidence
     * @throws CallException for a failed page (earlier pages have been handed on), or a token seen before
     */
    static <R extends AwsResponse> void pages(String operation,
            BiFunction<String, AwsRequestOverrideConfiguration, R> call, Function<R, String> nextToken,
            Consumer<Evidenced<R>> page) {
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            String current = token;
            Evidenced<R> answer = call(operation, override -> call.apply(current, override));
            try {
                page.accept(answer);
                token = nextToken.apply(answer.value());
            } catch (MalformedResponseException e) {
                throw CallException.malformed(operation, e.getMessage(), answer.evidence());
            }
            if (token != null && token.isEmpty()) {
                token = null;
            }
            if (token != null && !seen.add(token)) {
                throw CallException.malformed(operation, "the next-page token repeats an earlier one, so the "
                        + "listing would never end", answer.evidence());
            }
        } while (token != null);
    }

    /** The next marker of an answer that says whether it is truncated: a truncated page must name the next one. */
    static String nextMarker(Boolean truncated, String marker) {
        if (!Boolean.TRUE.equals(truncated)) {
            return null;
        }
        if (marker == null || marker.isEmpty()) {
            throw new MalformedResponseException("the answer is truncated but gives no marker for the next page");
        }
        return marker;
    }

    /** A successful answer and the evidence it was read from. */
    record Evidenced<R>(R value, EvidenceId evidence) {
        List<EvidenceId> evidenceList() {
            return List.of(evidence);
        }
    }
}
