package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.aws.AwsCloudTrailAccount;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * CloudTrail: DescribeTrails in every region in scope, shadow trails included, so that a multi-region or organisation
 * trail homed anywhere is seen; each trail counted once (by ARN) however many regions list it, and its status read
 * once, in its home region, by ARN (GetTrailStatus). When every region's listing succeeded, the account's own fact
 * names every trail listed, none when there is none: the absence of a trail is then a fact, not silence. A region
 * whose listing failed costs the account fact too (its issue names both kinds), since a trail might hide there.
 */
final class CloudTrailCollector implements ServiceCollector {

    static final Set<String> KINDS = Set.of(AwsCloudTrailTrail.KIND, AwsCloudTrailAccount.KIND);

    /** What a failed GetTrailStatus costs: that trail's fact, not the account's (its listing succeeded). */
    private static final Set<String> TRAIL_KINDS = Set.of(AwsCloudTrailTrail.KIND);

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;

    /** Trail ARN → the regions that listed it → what they said, sorted by region. */
    private final ConcurrentMap<String, Map<String, ListedTrail>> trails = new ConcurrentHashMap<>();

    /** Region → the evidence of its DescribeTrails answer, for every region whose listing succeeded. */
    private final ConcurrentMap<String, EvidenceId> listedRegions = new ConcurrentSkipListMap<>();

    CloudTrailCollector(AwsClients clients, Scope scope, FactSink sink) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public List<Task> firstTasks() {
        return Task.perRegion(scope, "cloudtrail:DescribeTrails", KINDS, region -> () -> describeTrails(region));
    }

    /**
     * The account's fact when every region in scope was listed (none when no region is in scope: nothing was
     * looked at), then one GetTrailStatus per distinct trail, in its home region.
     */
    @Override
    public List<Task> followUpTasks() {
        if (!scope.regions().isEmpty() && listedRegions.size() == scope.regions().size()) {
            sink.accept(new AwsCloudTrailAccount(scope.accountRef(), List.copyOf(trails.keySet()),
                    List.copyOf(listedRegions.values())));
        }
        listedRegions.clear();
        List<Task> tasks = new ArrayList<>();
        for (Map<String, ListedTrail> listings : trails.values()) {
            ListedTrail trail = preferred(listings);
            ResourceRef ref = scope.trailRef(trail.homeRegion(), trail.trail().trailARN(), trail.name());
            tasks.add(new Task("cloudtrail:GetTrailStatus", ref, TRAIL_KINDS, () -> collectStatus(ref, trail)));
        }
        trails.clear();
        return tasks;
    }

    private void describeTrails(Region region) {
        Evidenced<DescribeTrailsResponse> answer = AwsCalls.call("cloudtrail:DescribeTrails",
                override -> clients.cloudTrail(region).describeTrails(b -> b.includeShadowTrails(true)
                        .overrideConfiguration(override)));
        for (Trail trail : answer.value().trailList()) {
            if (trail.trailARN() == null || trail.trailARN().isBlank()) {
                throw CallException.malformed("cloudtrail:DescribeTrails", "a trail without a TrailARN",
                        answer.evidence());
            }
            String home = trail.homeRegion() == null || trail.homeRegion().isBlank() ? region.id()
                    : trail.homeRegion();
            trails.computeIfAbsent(trail.trailARN(), arn -> new ConcurrentSkipListMap<>())
                    .put(region.id(), new ListedTrail(trail, home, answer.evidence()));
        }
        listedRegions.put(region.id(), answer.evidence());
    }

    /** The home region's own listing of a trail when it was scanned, else the first region's (a shadow trail). */
    private static ListedTrail preferred(Map<String, ListedTrail> listings) {
        ListedTrail any = listings.values().iterator().next();
        ListedTrail home = listings.get(any.homeRegion());
        return home != null ? home : any;
    }

    private void collectStatus(ResourceRef ref, ListedTrail listed) {
        Trail trail = listed.trail();
        Evidenced<GetTrailStatusResponse> answer = AwsCalls.call("cloudtrail:GetTrailStatus",
                override -> clients.cloudTrail(Region.of(listed.homeRegion())).getTrailStatus(b -> b
                        .name(trail.trailARN()).overrideConfiguration(override)));
        Boolean logging = answer.value().isLogging();
        if (logging == null) {
            throw CallException.malformed("cloudtrail:GetTrailStatus", "the answer has no IsLogging",
                    answer.evidence());
        }
        sink.accept(new AwsCloudTrailTrail(ref, Boolean.TRUE.equals(trail.isMultiRegionTrail()), logging,
                Boolean.TRUE.equals(trail.logFileValidationEnabled()),
                trail.kmsKeyId() == null ? "" : trail.kmsKeyId(), Boolean.TRUE.equals(trail.isOrganizationTrail()),
                List.of(listed.page(), answer.evidence())));
    }

    /** A trail as one region's DescribeTrails showed it. */
    private record ListedTrail(Trail trail, String homeRegion, EvidenceId page) {
        String name() {
            return trail.name() == null || trail.name().isBlank()
                    ? trail.trailARN().substring(trail.trailARN().lastIndexOf('/') + 1) : trail.name();
        }
    }
}
