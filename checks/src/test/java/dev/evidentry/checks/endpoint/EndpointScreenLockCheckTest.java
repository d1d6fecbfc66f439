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
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointScreenLock;
import dev.evidentry.spi.fact.ScreenLockState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointScreenLockCheckTest {

    private final EndpointScreenLockCheck check = new EndpointScreenLockCheck();

    @Test
    void aLockWithinFifteenIdleMinutesPasses() {
        assertThat(check.descriptor().title()).isEqualTo("Endpoints lock the screen after at most 15 idle minutes");
        assertThat(evaluate(check,
                lock("a-mac", ScreenLockState.ENABLED, Duration.ofSeconds(305), "", daysAgo(0)),
                lock("b-win", ScreenLockState.ENABLED, Duration.ofMinutes(15), "", daysAgo(0)),
                lock("c-win", ScreenLockState.ENABLED, Duration.ofSeconds(45), "", daysAgo(0))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-mac locks after 5 minutes 5 seconds idle."),
                        tuple(PASS, "Endpoint b-win locks after 15 minutes idle."),
                        tuple(PASS, "Endpoint c-win locks after 45 seconds idle."));
    }

    @Test
    void noLockOrALongerOneFails() {
        assertThat(evaluate(check,
                lock("a-mac", ScreenLockState.DISABLED, null, "no password after sleep or screen saver", daysAgo(0)),
                lock("b-mac", ScreenLockState.ENABLED, Duration.ofMinutes(15).plusSeconds(1), "", daysAgo(0)),
                lock("c-win", ScreenLockState.ENABLED, Duration.ofHours(1), "", daysAgo(20))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Endpoint a-mac never locks its screen when left idle: no password after sleep or"
                                + " screen saver."),
                        tuple(FAIL, "Endpoint b-mac locks only after 15 minutes 1 second idle (limit 15 minutes)."),
                        tuple(FAIL, "Endpoint c-win locks only after 60 minutes idle (limit 15 minutes). This is as of"
                                + " its last report, 20 days ago."));
    }

    @Test
    void aLockThatCannotBeSeenOrWhoseIdleTimeIsUnknownIsAnError() {
        assertThat(evaluate(check,
                lock("a-linux", ScreenLockState.UNKNOWN, null, "no evidentry_screenlock results for this host",
                        daysAgo(0)),
                lock("b-mac", ScreenLockState.ENABLED, null, "the screen saver idle time was not reported",
                        daysAgo(0))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(ERROR, "The screen lock of endpoint a-linux could not be seen: no evidentry_screenlock"
                                + " results for this host."),
                        tuple(ERROR, "Endpoint b-mac locks its screen, but after how long could not be seen: the"
                                + " screen saver idle time was not reported."));
    }

    @Test
    void aServerWithoutADisplayIsNotApplicable() {
        assertThat(evaluate(check, lock("db-01", ScreenLockState.NO_DISPLAY, null, "no display server or display "
                + "manager runs", daysAgo(0))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(Outcome.NOT_APPLICABLE, "Endpoint db-01 has no screen to lock: no display"
                        + " server or display manager runs."));
    }

    @Test
    void theLimitIsConfigurableAndStatedInTheTitle() {
        EndpointScreenLockCheck strict = new EndpointScreenLockCheck(5);
        assertThat(strict.descriptor().title()).isEqualTo("Endpoints lock the screen after at most 5 idle minutes");
        assertThat(evaluate(strict, lock("a-mac", ScreenLockState.ENABLED, Duration.ofSeconds(305), "", daysAgo(0))))
                .extracting(Finding::outcome).containsExactly(FAIL);
        assertThatThrownBy(() -> new EndpointScreenLockCheck(0)).hasMessageContaining(
                "evidentry.endpoint.maxScreenLockMinutes");
    }

    private static EndpointScreenLock lock(String host, ScreenLockState state, Duration after, String detail,
            Instant reported) {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN-" + host, host);
        return new EndpointScreenLock(device, host, "SN-" + host, state, after, reported, detail, evidence('c'));
    }
}
