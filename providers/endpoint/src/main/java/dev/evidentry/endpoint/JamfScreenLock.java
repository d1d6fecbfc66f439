package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.ScreenLockState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Mac's idle screen lock as its installed Jamf Pro configuration profiles set it. Jamf Pro's inventory reports no
 * idle time of its own, so what the profiles enforce is what counts: the password after the screen saver
 * ({@code askForPassword}, {@code askForPasswordDelay}) and when the screen saver starts ({@code idleTime}). Where
 * profiles disagree the worse value wins, as macOS gives no order among them.
 */
final class JamfScreenLock {

    /** Apple's documented value of {@code askForPasswordDelay} that turns the password off. */
    static final long NEVER = 2_147_483_647L;

    static final String WHAT_TO_DEPLOY = "deploy a configuration profile with a com.apple.screensaver payload "
            + "(askForPassword true, askForPasswordDelay) and an idleTime";

    private JamfScreenLock() {}

    /** The reading of one computer, given its inventory's {@code configurationProfiles} and the profiles read. */
    static Sighting.ScreenLock reading(JsonNode installed, JamfProfiles profiles, EvidenceId inventory) {
        if (!installed.isArray()) {
            return new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, "Jamf Pro reported no configuration "
                    + "profiles for this computer", List.of(inventory));
        }
        List<ScreenSaverSettings> settings = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode profile : installed) {
            String id = profile.path("id").asText("").strip();
            if (id.isEmpty()) {
                continue;
            }
            String identifier = profile.path("profileIdentifier").asText("").strip();
            JamfProfiles.Outcome outcome = profiles.get(id);
            if (outcome instanceof JamfProfiles.Read read && !sameProfile(read.uuid(), identifier)) {
                skipped.add("Jamf Pro's profile " + id + " has uuid " + read.uuid() + ", not the installed "
                        + identifier);
            } else if (outcome instanceof JamfProfiles.Read read && read.settings() != null) {
                settings.add(read.settings());
            } else if (outcome instanceof JamfProfiles.Missing missing) {
                skipped.add(missing.why());
            } else if (outcome instanceof JamfProfiles.Unread failed) {
                unread.add(failed.why());
            }
        }
        Sighting.ScreenLock lock = judge(settings, unread.stream().distinct().toList(), inventory);
        // Profiles Jamf Pro does not hold (installed by other means, or deleted) are named, not guessed at.
        return skipped.isEmpty() ? lock : new Sighting.ScreenLock(lock.state(), lock.lockAfter(), lock.detail()
                + "; skipped: " + String.join("; ", skipped), lock.evidence());
    }

    /** Jamf Pro's uuid of a profile is the identifier the Mac reports for it; when both are known they must agree. */
    private static boolean sameProfile(String uuid, String installedIdentifier) {
        return uuid.isEmpty() || installedIdentifier.isEmpty() || uuid.equalsIgnoreCase(installedIdentifier);
    }

    static Sighting.ScreenLock judge(List<ScreenSaverSettings> settings, List<String> unread, EvidenceId inventory) {
        List<EvidenceId> evidence = Stream.concat(Stream.of(inventory),
                settings.stream().flatMap(s -> s.evidence().stream())).distinct().toList();
        String notRead = unread.isEmpty() ? "" : "; not read: " + String.join("; ", unread);
        if (settings.isEmpty()) {
            return new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, (unread.isEmpty()
                    ? "no installed Jamf Pro configuration profile sets the screen saver: " + WHAT_TO_DEPLOY
                    : "the screen saver settings could not be read" + notRead), evidence);
        }
        String said = "configuration profiles: " + settings.stream().map(ScreenSaverSettings::words)
                .collect(Collectors.joining("; "));
        boolean askDenied = settings.stream().anyMatch(s -> Boolean.FALSE.equals(s.askForPassword()));
        boolean askRequired = settings.stream().anyMatch(s -> Boolean.TRUE.equals(s.askForPassword()));
        Long delay = longest(settings.stream().map(ScreenSaverSettings::askForPasswordDelay).toList());
        List<Long> idleTimes = settings.stream().map(ScreenSaverSettings::idleTime).toList();
        // idleTime 0 means the screen saver never starts: worse than any time.
        Long idle = idleTimes.contains(0L) ? Long.valueOf(0) : longest(idleTimes);
        if (askDenied || (delay != null && delay >= NEVER) || (idle != null && idle == 0)) {
            return new Sighting.ScreenLock(ScreenLockState.DISABLED, null, said + notRead, evidence);
        }
        if (!askRequired || idle == null) {
            return new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, said + "; "
                    + (askRequired ? "no idleTime is set, so the user chooses when the screen saver starts"
                            : "askForPassword is not set, so the user chooses whether a password is asked")
                    + ": " + WHAT_TO_DEPLOY + notRead, evidence);
        }
        if (!unread.isEmpty()) {
            return new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, said + "; a profile that was not read "
                    + "may set a longer time" + notRead, evidence);
        }
        // Without askForPasswordDelay the user chooses the grace period: locked, but after an unknown time.
        Duration lockAfter = delay == null ? null : Duration.ofSeconds(idle + delay);
        return new Sighting.ScreenLock(ScreenLockState.ENABLED, lockAfter, said
                + (delay == null ? "; no askForPasswordDelay is set, so the user chooses the grace period" : ""),
                evidence);
    }

    private static Long longest(List<Long> values) {
        return values.stream().filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
    }
}
