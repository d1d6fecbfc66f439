package dev.evidentry.aws;

import dev.evidentry.spi.EvidenceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * The evidence ids of every response one API call received, its retried attempts included, in order. It reaches the
 * {@link EvidenceInterceptor} as an execution attribute on the request, so even a call that failed (an error answer, a
 * body that could not be parsed) can name the evidence that shows why.
 */
final class EvidenceTrail {

    private final List<EvidenceId> ids = new ArrayList<>();

    /** Put this on the request: {@code builder.overrideConfiguration(trail.overrideConfiguration())}. */
    AwsRequestOverrideConfiguration overrideConfiguration() {
        return AwsRequestOverrideConfiguration.builder().putExecutionAttribute(EvidenceInterceptor.TRAIL, this).build();
    }

    synchronized void add(EvidenceId id) {
        ids.add(id);
    }

    synchronized List<EvidenceId> ids() {
        return List.copyOf(ids);
    }

    /** The last response received: the one that decided the call's outcome. */
    synchronized Optional<EvidenceId> last() {
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }
}
