package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every endpoint installed operating system updates within {@value #DEFAULT_MAX_DAYS} days (or the system property
 * {@value #MAX_DAYS_PROPERTY}): vendors ship security fixes monthly, so a device that went longer missed at least one.
 */
public final class EndpointOsPatchedCheck implements Check {

    public static final String ID = "endpoint.os.patched";
    static final String MAX_DAYS_PROPERTY = "evidentry.endpoint.maxDaysSincePatch";
    static final int DEFAULT_MAX_DAYS = 30;

    private final int maxDays;
    private final int maxReportAgeDays;
    private final CheckDescriptor descriptor;

    /** The check as the pack builds it: the limit from {@value #MAX_DAYS_PROPERTY}, else 30 days. */
    public EndpointOsPatchedCheck() {
        this(Integer.getInteger(MAX_DAYS_PROPERTY, DEFAULT_MAX_DAYS), LastReport.maxAgeDays());
    }

    EndpointOsPatchedCheck(int maxDays, int maxReportAgeDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException(MAX_DAYS_PROPERTY + " must be at least 1 day: " + maxDays);
        }
        this.maxDays = maxDays;
        this.maxReportAgeDays = maxReportAgeDays;
        this.descriptor = new CheckDescriptor(ID, "Endpoints installed operating system updates within the last "
                + maxDays + " days", Severity.MEDIUM, Set.of(EndpointOperatingSystem.KIND), List.of("CC6.8", "CC7.1"),
                CheckHelp.load(EndpointOsPatchedCheck.class, ID));
    }

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(EndpointOperatingSystem.class).map(os -> judge(os, now));
    }

    private Finding judge(EndpointOperatingSystem os, Instant now) {
        String host = os.hostname().isEmpty() ? os.resource().name() : os.hostname();
        String system = (os.name() + " " + os.version()).strip();
        String what = "Endpoint " + host + (system.isEmpty() ? "" : " (" + system + ")");
        String caveat = LastReport.caveat(os.lastReported(), now, maxReportAgeDays);
        if (os.lastPatchedIfKnown().isEmpty()) {
            String said = os.detail().isEmpty() ? "" : " Its sources said: " + os.detail() + ".";
            return Finding.error(descriptor, os, "When endpoint " + host + " last installed updates could not be "
                    + "seen: none of its sources reports it (osquery's evidentry_patches query, AWS Systems Manager "
                    + "Patch Manager and Azure's VM patch status do)." + said + caveat);
        }
        String age = LastReport.age(os.lastPatched(), now);
        boolean late = Duration.between(os.lastPatched(), now).toDays() > maxDays;
        return late
                ? Finding.fail(descriptor, os, what + " last installed updates " + age + " ago, on "
                        + os.lastPatched() + " (limit " + maxDays + " days)." + caveat)
                : Finding.pass(descriptor, os, what + " last installed updates " + age + " ago." + caveat);
    }
}
