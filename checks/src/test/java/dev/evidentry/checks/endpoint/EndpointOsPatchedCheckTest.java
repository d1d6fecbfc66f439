package dev.evidentry.checks.endpoint;

import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointOsPatchedCheckTest {

    private final EndpointOsPatchedCheck check = new EndpointOsPatchedCheck(30, 14);

    @Test
    void aDevicePatchedWithinThirtyDaysPassesAndAnOlderPatchFails() {
        assertThat(check.descriptor().title()).isEqualTo("Endpoints installed operating system updates within the"
                + " last 30 days");
        assertThat(evaluate(check,
                os("a-mac", daysAgo(3), daysAgo(1)),
                os("b-win", daysAgo(30).plusSeconds(60), daysAgo(1)),
                os("c-srv", daysAgo(45), daysAgo(1))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-mac (macOS 15.1) last installed updates 3 days ago."),
                        tuple(PASS, "Endpoint b-win (macOS 15.1) last installed updates 29 days ago."),
                        tuple(FAIL, "Endpoint c-srv (macOS 15.1) last installed updates 45 days ago, on"
                                + " 2026-10-09T12:00:00Z (limit 30 days)."));
    }

    @Test
    void noPatchDateIsAnErrorNamingTheSourcesThatReportIt() {
        assertThat(evaluate(check, os("a-mac", null, daysAgo(1))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "When endpoint a-mac last installed updates could not be seen: none of"
                        + " its sources reports it (osquery's evidentry_patches query, AWS Systems Manager Patch"
                        + " Manager and Azure's VM patch status do)."));
    }

    @Test
    void theErrorQuotesWhatTheSourcesSaidSuchAsAFailedPatchCall() {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN-a", "a-srv");
        EndpointOperatingSystem os = new EndpointOperatingSystem(device, "a-srv", "", "linux", "Ubuntu", "24.04",
                null, daysAgo(1), "ssm:DescribeInstancePatchStates failed: access denied: not authorized",
                evidence('e'));
        assertThat(evaluate(check, os)).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "When endpoint a-srv last installed updates could not be seen: none of"
                        + " its sources reports it (osquery's evidentry_patches query, AWS Systems Manager Patch"
                        + " Manager and Azure's VM patch status do). Its sources said:"
                        + " ssm:DescribeInstancePatchStates failed: access denied: not authorized."));
    }

    @Test
    void aStaleDeviceSaysItsVerdictRestsOnAnOldReportAndTheLimitIsConfigurable() {
        assertThat(evaluate(check, os("a-mac", daysAgo(20), daysAgo(20))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Endpoint a-mac (macOS 15.1) last installed updates 20 days ago. This is"
                        + " as of its last report, 20 days ago."));
        EndpointOsPatchedCheck strict = new EndpointOsPatchedCheck(14, 14);
        assertThat(strict.descriptor().title()).endsWith("within the last 14 days");
        assertThat(evaluate(strict, os("a-mac", daysAgo(20), daysAgo(1)))).extracting(Finding::outcome)
                .containsExactly(FAIL);
        assertThatThrownBy(() -> new EndpointOsPatchedCheck(0, 14))
                .hasMessageContaining("evidentry.endpoint.maxDaysSincePatch must be at least 1 day");
    }

    private static EndpointOperatingSystem os(String host, Instant patched, Instant reported) {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN-" + host, host);
        return new EndpointOperatingSystem(device, host, "SN-" + host, "macos", "macOS", "15.1", patched, reported,
                "", evidence('e'));
    }
}
