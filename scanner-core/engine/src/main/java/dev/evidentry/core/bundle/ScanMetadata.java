package dev.evidentry.core.bundle;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the manifest says about the run itself.
 *
 * @param apiCalls HTTP responses the providers received, by {@code provider:service:operation}
 * @param collection how long collection took, by the scan's clock
 * @param evaluation how long the checks took, by the scan's clock
 */
public record ScanMetadata(
        String toolVersion,
        String runId,
        Instant startedAt,
        Instant finishedAt,
        List<PluginInfo> plugins,
        List<String> providers,
        Map<String, List<String>> filters,
        Map<String, Long> apiCalls,
        Duration collection,
        Duration evaluation) {

    public ScanMetadata {
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
        providers = List.copyOf(requireNonNull(providers, "providers is null"));
        filters = Map.copyOf(requireNonNull(filters, "filters is null"));
        apiCalls = Map.copyOf(requireNonNull(apiCalls, "apiCalls is null"));
        requireNonNull(collection, "collection is null");
        requireNonNull(evaluation, "evaluation is null");
    }
}
