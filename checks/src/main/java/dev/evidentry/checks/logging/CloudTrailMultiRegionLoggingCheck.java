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
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every account has at least one trail that records every region and is logging now. One finding per account that has
 * trails, resting on all of them; an account without trail facts gets none (the engine reports what was not collected).
 */
public final class CloudTrailMultiRegionLoggingCheck implements Check {

    public static final String ID = "aws.cloudtrail.multi-region-logging";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "A multi-region CloudTrail trail is logging in every account", Severity.HIGH,
            Set.of(AwsCloudTrailTrail.KIND), List.of("CC7.2", "CC7.3"),
            CheckHelp.load(CloudTrailMultiRegionLoggingCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Map<ResourceRef, List<AwsCloudTrailTrail>> byAccount = facts.all(AwsCloudTrailTrail.class).collect(
                Collectors.groupingBy(trail -> ResourceRef.forAccount(trail.resource().provider(),
                        trail.resource().account()), TreeMap::new, Collectors.toList()));
        return byAccount.entrySet().stream().map(account -> judge(account.getKey(), account.getValue()));
    }

    private Finding judge(ResourceRef account, List<AwsCloudTrailTrail> trails) {
        List<EvidenceId> evidence = trails.stream().flatMap(trail -> trail.evidence().stream()).toList();
        List<String> recording = trails.stream().filter(trail -> trail.multiRegion() && trail.logging())
                .map(CloudTrailMultiRegionLoggingCheck::name).toList();
        if (recording.isEmpty()) {
            String found = trails.stream().map(CloudTrailMultiRegionLoggingCheck::describe)
                    .collect(Collectors.joining("; "));
            return new Finding(ID, account, Outcome.FAIL, "Account " + account.account()
                    + " has no multi-region CloudTrail trail that is logging; its trails: " + found + ".", evidence);
        }
        String which = recording.size() == 1
                ? "trail " + recording.get(0) + " is"
                : "trails " + String.join(", ", recording) + " are";
        return new Finding(ID, account, Outcome.PASS, "Account " + account.account()
                + " records every region with CloudTrail: " + which + " multi-region and logging.", evidence);
    }

    private static String name(AwsCloudTrailTrail trail) {
        return trail.resource().name() + (trail.organizationTrail() ? " (organization trail)" : "");
    }

    private static String describe(AwsCloudTrailTrail trail) {
        String scope = trail.multiRegion() ? "multi-region" : "single-region (" + trail.resource().region() + ")";
        return name(trail) + " is " + scope + " and " + (trail.logging() ? "logging" : "not logging");
    }
}
