package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.aws.AwsGuardDutyRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsResponse;

/**
 * GuardDuty in every region in scope: the region's detector (ListDetectors) and whether it is enabled (GetDetector). A
 * region without a detector is reported as such: GuardDuty is off there.
 */
final class GuardDutyCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(AwsGuardDutyRegion.KIND);

    /** ListDetectors allows up to 50 ids a page. */
    static final int PAGE_SIZE = 50;

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;

    /** Regions with detectors: their ids and the pages that listed them. */
    private final Map<Region, Listed> detectors = new ConcurrentHashMap<>();

    GuardDutyCollector(AwsClients clients, Scope scope, FactSink sink) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public List<Task> firstTasks() {
        return Task.perRegion(scope, "guardduty:ListDetectors", KINDS, region -> () -> listDetectors(region));
    }

    /** One task per region with a detector: GetDetector (a region has at most one). */
    @Override
    public List<Task> followUpTasks() {
        List<Task> tasks = new ArrayList<>();
        detectors.forEach((region, listed) -> tasks.add(new Task("guardduty:GetDetector", scope.regionRef(region),
                KINDS, () -> collectDetectors(region, listed))));
        detectors.clear();
        return tasks;
    }

    private void listDetectors(Region region) {
        GuardDutyClient guardDuty = clients.guardDuty(region);
        List<String> ids = new ArrayList<>();
        List<EvidenceId> pages = new ArrayList<>();
        AwsCalls.<ListDetectorsResponse>pages("guardduty:ListDetectors",
                (token, override) -> guardDuty.listDetectors(b -> b.maxResults(PAGE_SIZE).nextToken(token)
                        .overrideConfiguration(override)),
                ListDetectorsResponse::nextToken,
                page -> {
                    pages.add(page.evidence());
                    for (String id : page.value().detectorIds()) {
                        if (id == null || id.isBlank()) {
                            throw new MalformedResponseException("a blank detector id");
                        }
                        ids.add(id);
                    }
                });
        if (ids.isEmpty()) {
            sink.accept(new AwsGuardDutyRegion(scope.regionRef(region), "", false, pages));
        } else {
            detectors.put(region, new Listed(List.copyOf(ids), List.copyOf(pages)));
        }
    }

    /** The region's detector; should there be more than one, the first enabled one speaks for the region. */
    private void collectDetectors(Region region, Listed listed) {
        ResourceRef ref = scope.regionRef(region);
        List<EvidenceId> evidence = new ArrayList<>(listed.pages());
        String chosen = null;
        boolean enabled = false;
        for (String id : listed.ids()) {
            Evidenced<GetDetectorResponse> answer = AwsCalls.call("guardduty:GetDetector",
                    override -> clients.guardDuty(region).getDetector(b -> b.detectorId(id)
                            .overrideConfiguration(override)));
            if (answer.value().statusAsString() == null) {
                throw CallException.malformed("guardduty:GetDetector", "detector " + id + " has no status",
                        answer.evidence());
            }
            evidence.add(answer.evidence());
            boolean on = "ENABLED".equals(answer.value().statusAsString());
            if (chosen == null || on && !enabled) {
                chosen = id;
                enabled = on;
            }
        }
        sink.accept(new AwsGuardDutyRegion(ref, chosen, enabled, evidence));
    }

    private record Listed(List<String> ids, List<EvidenceId> pages) {}
}
