package dev.evidentry.checks.endpoint;

import static dev.evidentry.checks.Fixtures.NOW;
import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointReportedCheckTest {

    private final EndpointReportedCheck check = new EndpointReportedCheck();

    @Test
    void aDeviceThatReportedWithinFourteenDaysPassesNamingItsSystem() {
        assertThat(check.descriptor().title()).isEqualTo("Endpoints reported within the last 14 days");
        assertThat(evaluate(check,
                os("a-mac", "macOS", "14.6.1", NOW.minus(Duration.ofHours(3)), ""),
                os("b-win", "Microsoft Windows 11 Pro", "10.0.22631", daysAgo(14).plusSeconds(60), ""),
                os("c-box", "", "", daysAgo(1), "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-mac (macOS 14.6.1) last reported 3 hours ago."),
                        tuple(PASS, "Endpoint b-win (Microsoft Windows 11 Pro 10.0.22631) last reported 13 days ago."),
                        tuple(PASS, "Endpoint c-box last reported 1 day ago."));
    }

    @Test
    void aStaleDeviceFailsQuotingItsSources() {
        assertThat(evaluate(check,
                os("a-mac", "macOS", "13.6.9", daysAgo(15), ""),
                os("b-mac", "macOS", "14.6.1", daysAgo(52), "falcon last report 2026-11-22T23:40:12Z; osquery last"
                        + " report 2026-10-02T08:00:00Z")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Endpoint a-mac (macOS 13.6.9) last reported 15 days ago (limit 14 days)."),
                        tuple(FAIL, "Endpoint b-mac (macOS 14.6.1) last reported 52 days ago (limit 14 days): falcon"
                                + " last report 2026-11-22T23:40:12Z; osquery last report 2026-10-02T08:00:00Z."));
    }

    @Test
    void anUnknownLastReportIsAnErrorAndTheLimitIsConfigurable() {
        assertThat(evaluate(check, os("a-mac", "macOS", "14.6.1", null, "no evidentry_os results for this host")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "When endpoint a-mac last reported could not be seen: no evidentry_os"
                        + " results for this host."));
        EndpointReportedCheck lenient = new EndpointReportedCheck(30);
        assertThat(lenient.descriptor().title()).isEqualTo("Endpoints reported within the last 30 days");
        assertThat(evaluate(lenient, os("a-mac", "macOS", "13.6.9", daysAgo(15), "")))
                .extracting(Finding::outcome).containsExactly(PASS);
    }

    private static EndpointOperatingSystem os(String host, String name, String version, Instant reported,
            String detail) {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN-" + host, host);
        return new EndpointOperatingSystem(device, host, "SN-" + host, "macos", name, version, null, reported, detail,
                evidence('e'));
    }
}
