package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsGuardDutyRegion;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** GuardDuty watches every region for threats: each region needs its own enabled detector. */
public final class GuardDutyEnabledCheck implements Check {

    public static final String ID = "aws.guardduty.enabled";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "GuardDuty is enabled in every region", Severity.HIGH, Set.of(AwsGuardDutyRegion.KIND),
            List.of("CC7.2", "CC7.3"), CheckHelp.load(GuardDutyEnabledCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsGuardDutyRegion.class).map(this::judge);
    }

    private Finding judge(AwsGuardDutyRegion region) {
        String where = "region " + region.resource().region() + " of account " + region.resource().account();
        if (region.detectorId().isEmpty()) {
            return Finding.fail(descriptor, region, "GuardDuty has no detector in " + where
                    + ": threats there go undetected.");
        }
        String detector = "GuardDuty detector " + region.detectorId() + " in " + where;
        return region.enabled()
                ? Finding.pass(descriptor, region, detector + " is enabled.")
                : Finding.fail(descriptor, region, detector + " is suspended: threats there go undetected.");
    }
}
