package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every endpoint runs an operating system release that still receives security updates, by the dates of
 * {@link OsSupportTable}: a release past its end stays unpatched however diligent its owner.
 */
public final class EndpointOsSupportedCheck implements Check {

    public static final String ID = "endpoint.os.supported";

    private final OsSupportTable table;
    private final int maxReportAgeDays;
    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Endpoints run an operating system that still receives security updates", Severity.HIGH,
            Set.of(EndpointOperatingSystem.KIND), List.of("CC6.8", "CC7.1"),
            CheckHelp.load(EndpointOsSupportedCheck.class, ID));

    /** The check as the pack builds it: the built-in table plus {@value OsSupportTable#TABLE_PROPERTY}'s rows. */
    public EndpointOsSupportedCheck() {
        this(OsSupportTable.load(), LastReport.maxAgeDays());
    }

    EndpointOsSupportedCheck(OsSupportTable table, int maxReportAgeDays) {
        this.table = table;
        this.maxReportAgeDays = maxReportAgeDays;
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
        String caveat = LastReport.caveat(os.lastReported(), now, maxReportAgeDays);
        Optional<OsRelease> release = OsRelease.of(os);
        if (release.isEmpty()) {
            return Finding.error(descriptor, os, "Which operating system release endpoint " + host + " runs could "
                    + "not be seen: its sources report " + (system.isEmpty() ? "nothing" : "\"" + system + "\"")
                    + (os.detail().isEmpty() ? "" : " (" + os.detail() + ")") + "." + caveat);
        }
        OsSupportTable.Judgement judgement = table.judge(release.get(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        String runs = "Endpoint " + host + " runs " + system + " (" + release.get().describe() + "), ";
        return switch (judgement.status()) {
            case SUPPORTED -> Finding.pass(descriptor, os, runs + judgement.reason() + "." + caveat);
            case ENDED -> Finding.fail(descriptor, os, runs + judgement.reason() + "." + caveat);
            case UNKNOWN -> Finding.error(descriptor, os, "Whether endpoint " + host + "'s " + system + " still "
                    + "receives security updates could not be judged: " + judgement.reason() + "." + caveat);
        };
    }
}
