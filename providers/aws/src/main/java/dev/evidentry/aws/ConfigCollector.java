package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.fact.aws.AwsConfigRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecorderStatusResponse;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecordersResponse;

/**
 * AWS Config in every region in scope: the configuration recorders (DescribeConfigurationRecorders) and their status
 * (DescribeConfigurationRecorderStatus), two calls made side by side and joined by recorder name. A region without a
 * recorder is reported as such: Config records nothing there.
 */
final class ConfigCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(AwsConfigRegion.KIND);

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;

    private final Map<Region, Evidenced<DescribeConfigurationRecordersResponse>> recorders =
            new ConcurrentHashMap<>();
    private final Map<Region, Evidenced<DescribeConfigurationRecorderStatusResponse>> statuses =
            new ConcurrentHashMap<>();

    ConfigCollector(AwsClients clients, Scope scope, FactSink sink) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public List<Task> firstTasks() {
        List<Task> tasks = new ArrayList<>();
        for (Region region : scope.regions()) {
            tasks.add(new Task("config:DescribeConfigurationRecorders", scope.regionRef(region), KINDS,
                    () -> recorders.put(region, AwsCalls.call("config:DescribeConfigurationRecorders",
                            override -> clients.config(region).describeConfigurationRecorders(b -> b
                                    .overrideConfiguration(override))))));
            tasks.add(new Task("config:DescribeConfigurationRecorderStatus", scope.regionRef(region), KINDS,
                    () -> statuses.put(region, AwsCalls.call("config:DescribeConfigurationRecorderStatus",
                            override -> clients.config(region).describeConfigurationRecorderStatus(b -> b
                                    .overrideConfiguration(override))))));
        }
        return tasks;
    }

    /** Joins each region's two answers into its fact; a region where either call failed has its issue already. */
    @Override
    public List<Task> followUpTasks() {
        for (Region region : scope.regions()) {
            Evidenced<DescribeConfigurationRecordersResponse> listed = recorders.get(region);
            Evidenced<DescribeConfigurationRecorderStatusResponse> status = statuses.get(region);
            if (listed != null && status != null) {
                try {
                    sink.accept(fact(region, listed, status));
                } catch (CallException e) {
                    scope.report(sink, scope.regionRef(region), KINDS, e);
                }
            }
        }
        recorders.clear();
        statuses.clear();
        return List.of();
    }

    private AwsConfigRegion fact(Region region, Evidenced<DescribeConfigurationRecordersResponse> listed,
            Evidenced<DescribeConfigurationRecorderStatusResponse> status) {
        List<EvidenceId> evidence = List.of(listed.evidence(), status.evidence());
        List<Recorder> found = new ArrayList<>();
        for (ConfigurationRecorder recorder : listed.value().configurationRecorders()) {
            if (recorder.name() == null || recorder.name().isBlank()) {
                throw CallException.malformed("config:DescribeConfigurationRecorders", "a recorder without a name",
                        listed.evidence());
            }
            ConfigurationRecorderStatus state = status.value().configurationRecordersStatus().stream()
                    .filter(candidate -> recorder.name().equals(candidate.name()))
                    .findFirst().orElse(null);
            found.add(new Recorder(recorder.name(),
                    state != null && Boolean.TRUE.equals(state.recording()),
                    recorder.recordingGroup() != null && Boolean.TRUE.equals(recorder.recordingGroup().allSupported()),
                    state == null || state.lastStatusAsString() == null ? "" : state.lastStatusAsString()));
        }
        // Should a region have several recorders, the one that records most speaks for it.
        return found.stream()
                .min(Comparator.comparing((Recorder r) -> !(r.recording() && r.allSupported()))
                        .thenComparing(r -> !r.recording())
                        .thenComparing(Recorder::name))
                .map(r -> new AwsConfigRegion(scope.regionRef(region), r.name(), r.recording(), r.allSupported(),
                        r.lastStatus(), evidence))
                .orElseGet(() -> new AwsConfigRegion(scope.regionRef(region), "", false, false, "", evidence));
    }

    private record Recorder(String name, boolean recording, boolean allSupported, String lastStatus) {}
}
