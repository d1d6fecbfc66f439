package dev.evidentry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.ScreenLockState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the screen-saver keys of a Mac's profiles become its screen-lock reading, as data. */
class JamfScreenLockTest {

    private static final EvidenceId INVENTORY = evidence('0');

    private static EvidenceId evidence(char digit) {
        return new EvidenceId(String.valueOf(digit).repeat(64));
    }

    private static ScreenSaverSettings profile(String name, Boolean ask, Long delay, Long idle) {
        return new ScreenSaverSettings("profile \"" + name + "\"", ask, delay, idle,
                List.of(evidence(name.charAt(0))));
    }

    private static Sighting.ScreenLock judge(List<String> unread, ScreenSaverSettings... settings) {
        return JamfScreenLock.judge(List.of(settings), unread, INVENTORY);
    }

    @Test
    void aPasswordAfterAnIdleTimeLocksAfterBothAndTheWorseOfTwoProfilesWins() {
        Sighting.ScreenLock lock = judge(List.of(), profile("a", true, 5L, 300L), profile("b", null, 60L, 900L));
        assertThat(lock.state()).isEqualTo(ScreenLockState.ENABLED);
        assertThat(lock.lockAfter()).isEqualTo(Duration.ofSeconds(960));
        assertThat(lock.evidence()).hasSize(3);
    }

    @Test
    void withoutAGracePeriodTheLockIsOnButItsTimeUnknown() {
        Sighting.ScreenLock lock = judge(List.of(), profile("a", true, null, 300L));
        assertThat(lock.state()).isEqualTo(ScreenLockState.ENABLED);
        assertThat(lock.lockAfter()).isNull();
        assertThat(lock.detail()).endsWith("no askForPasswordDelay is set, so the user chooses the grace period");
    }

    @Test
    void noPasswordANeverDelayOrAScreenSaverThatNeverStartsIsDisabled() {
        assertThat(judge(List.of(), profile("a", false, null, 300L)).state()).isEqualTo(ScreenLockState.DISABLED);
        assertThat(judge(List.of(), profile("a", true, JamfScreenLock.NEVER, 300L)).state())
                .isEqualTo(ScreenLockState.DISABLED);
        assertThat(judge(List.of(), profile("a", true, 5L, 300L), profile("b", null, null, 0L)).state())
                .isEqualTo(ScreenLockState.DISABLED);
        // Known bad stays bad even when another profile could not be read.
        assertThat(judge(List.of("profile 4 could not be read"), profile("a", false, null, null)).state())
                .isEqualTo(ScreenLockState.DISABLED);
    }

    @Test
    void whatTheProfilesLeaveToTheUserIsUnknownAndSaysWhatToDeploy() {
        Sighting.ScreenLock noIdle = judge(List.of(), profile("a", true, 5L, null));
        assertThat(noIdle.state()).isEqualTo(ScreenLockState.UNKNOWN);
        assertThat(noIdle.detail()).contains("no idleTime is set", JamfScreenLock.WHAT_TO_DEPLOY);
        Sighting.ScreenLock noPassword = judge(List.of(), profile("a", null, null, 600L));
        assertThat(noPassword.state()).isEqualTo(ScreenLockState.UNKNOWN);
        assertThat(noPassword.detail()).contains("askForPassword is not set");
        Sighting.ScreenLock none = judge(List.of());
        assertThat(none.state()).isEqualTo(ScreenLockState.UNKNOWN);
        assertThat(none.evidence()).containsExactly(INVENTORY);
    }

    @Test
    void aGoodProfileIsNotEnoughWhileAnotherCouldNotBeRead() {
        Sighting.ScreenLock lock = judge(List.of("profile 4 could not be read (HTTP 500)"),
                profile("a", true, 5L, 300L));
        assertThat(lock.state()).isEqualTo(ScreenLockState.UNKNOWN);
        assertThat(lock.detail()).endsWith("a profile that was not read may set a longer time; not read: profile 4 "
                + "could not be read (HTTP 500)");
    }
}
