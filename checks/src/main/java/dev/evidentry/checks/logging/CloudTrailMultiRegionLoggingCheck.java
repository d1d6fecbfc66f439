package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsCloudTrailAccount;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every account has at least one trail that records every region and is logging now. One finding per account whose
 * trails were all listed ({@link AwsCloudTrailAccount}), resting on those listings and on every trail's facts: no trail
 * at all fails; a multi-region trail that is logging passes; otherwise it fails naming what each trail lacks. No
 * finding when what it needs is missing, the engine's {@code ERROR} from the collection issue standing in its place:
 * an account without its account fact (a region's listing failed), or without a passing trail while some trail it
 * lists has no trail fact (that trail's status could not be read: it might be the one that passes).
 */
public final class CloudTrailMultiRegionLoggingCheck implements Check {

    public static final String ID = "aws.cloudtrail.multi-region-logging";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "A multi-region CloudTrail trail is logging in every account", Severity.HIGH,
            Set.of(AwsCloudTrailAccount.KIND, AwsCloudTrailTrail.KIND), List.of("CC7.2", "CC7.3"),
            CheckHelp.load(CloudTrailMultiRegionLoggingCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Map<ResourceRef, AwsCloudTrailAccount> accounts = facts.all(AwsCloudTrailAccount.class).collect(
                Collectors.toMap(account -> accountRef(account.resource()), Function.identity(), (a, b) -> a,
                        TreeMap::new));
        Map<ResourceRef, List<AwsCloudTrailTrail>> trails = facts.all(AwsCloudTrailTrail.class).collect(
                Collectors.groupingBy(trail -> accountRef(trail.resource()), Collectors.toList()));
        return accounts.entrySet().stream().flatMap(account -> judge(account.getKey(), account.getValue(),
                trails.getOrDefault(account.getKey(), List.of())).stream());
    }

    private Optional<Finding> judge(ResourceRef account, AwsCloudTrailAccount listed, List<AwsCloudTrailTrail> trails) {
        if (listed.trailArns().isEmpty()) {
            return Optional.of(new Finding(ID, account, Outcome.FAIL, "Account " + account.account()
                    + ": no CloudTrail trail records this account; no region in scope lists one.",
                    listed.evidence()));
        }
        List<EvidenceId> evidence = Stream.concat(listed.evidence().stream(),
                trails.stream().flatMap(trail -> trail.evidence().stream())).distinct().toList();
        List<String> recording = trails.stream().filter(trail -> trail.multiRegion() && trail.logging())
                .map(CloudTrailMultiRegionLoggingCheck::name).toList();
        if (!recording.isEmpty()) {
            String which = recording.size() == 1
                    ? "trail " + recording.get(0) + " is"
                    : "trails " + String.join(", ", recording) + " are";
            return Optional.of(new Finding(ID, account, Outcome.PASS, "Account " + account.account()
                    + " records every region with CloudTrail: " + which + " multi-region and logging.", evidence));
        }
        Set<String> judged = trails.stream().map(trail -> trail.resource().nativeId()).collect(Collectors.toSet());
        if (!judged.containsAll(listed.trailArns())) {
            return Optional.empty(); // a trail without its facts might be the one that passes: the engine's ERROR
        }
        String found = trails.stream().map(CloudTrailMultiRegionLoggingCheck::describe)
                .collect(Collectors.joining("; "));
        return Optional.of(new Finding(ID, account, Outcome.FAIL, "Account " + account.account()
                + " has no multi-region CloudTrail trail that is logging; its trails: " + found + ".", evidence));
    }

    private static ResourceRef accountRef(ResourceRef resource) {
        return ResourceRef.forAccount(resource.provider(), resource.account());
    }

    private static String name(AwsCloudTrailTrail trail) {
        return trail.resource().name() + (trail.organizationTrail() ? " (organization trail)" : "");
    }

    private static String describe(AwsCloudTrailTrail trail) {
        String scope = trail.multiRegion() ? "multi-region" : "single-region (" + trail.resource().region() + ")";
        return name(trail) + " is " + scope + " and " + (trail.logging() ? "logging" : "not logging");
    }
}
