package dev.evidentry.aws;

import dev.evidentry.spi.EvidenceId;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Makes one API call with an {@link EvidenceTrail} on it, and turns any failure into a classified
 * {@link AwsCallException} that names the evidence of the last response.
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
                .orElseThrow(() -> new AwsCallException(operation, dev.evidentry.spi.IssueCause.PLUGIN_FAILURE,
                        "the answer carries no evidence id: the client was built without the evidence interceptor",
                        null, null));
        return new Evidenced<>(response, id);
    }

    /** A successful answer and the evidence it was read from. */
    record Evidenced<R>(R value, EvidenceId evidence) {
        List<EvidenceId> evidenceList() {
            return List.of(evidence);
        }
    }
}
