package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every endpoint reported to its sources within {@value LastReport#DEFAULT_MAX_AGE_DAYS} days, or the system property
 * {@value LastReport#MAX_AGE_PROPERTY}: a device that stopped reporting can no longer be shown to be patched and
 * protected. Where sources disagree, the device is as current as its stalest source.
 */
public final class EndpointReportedCheck implements Check {

    public static final String ID = "endpoint.device.reported";

    private final int maxAgeDays;
    private final CheckDescriptor descriptor;

    /** The check as the pack builds it: the limit from {@value LastReport#MAX_AGE_PROPERTY}, else 14 days. */
    public EndpointReportedCheck() {
        this(LastReport.maxAgeDays());
    }

    EndpointReportedCheck(int maxAgeDays) {
        this.maxAgeDays = maxAgeDays;
        this.descriptor = new CheckDescriptor(ID, "Endpoints reported within the last " + maxAgeDays + " days",
                Severity.MEDIUM, Set.of(EndpointOperatingSystem.KIND), List.of("CC6.8", "CC7.1"),
                CheckHelp.load(EndpointReportedCheck.class, ID));
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
        String detail = os.detail().isEmpty() ? "." : ": " + os.detail() + ".";
        if (os.lastReportedIfKnown().isEmpty()) {
            return Finding.error(descriptor, os, "When endpoint " + host + " last reported could not be seen" + detail);
        }
        String age = LastReport.age(os.lastReported(), now);
        return LastReport.stale(os.lastReported(), now, maxAgeDays)
                ? Finding.fail(descriptor, os, what + " last reported " + age + " ago (limit " + maxAgeDays
                        + " days)" + detail)
                : Finding.pass(descriptor, os, what + " last reported " + age + " ago.");
    }
}
