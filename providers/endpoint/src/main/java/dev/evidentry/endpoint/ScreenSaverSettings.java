package dev.evidentry.endpoint;

import dev.evidentry.spi.EvidenceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one macOS configuration profile says of the screen saver, from its payloads: {@code askForPassword} and
 * {@code askForPasswordDelay} (payload {@code com.apple.screensaver}), and {@code idleTime} (documented in
 * {@code com.apple.screensaver.user}; also read from {@code com.apple.screensaver}, where many profiles set it). A
 * {@code null} field is one the profile does not set.
 *
 * @param profile the profile's name and Jamf Pro id, as the detail names it
 */
record ScreenSaverSettings(String profile, Boolean askForPassword, Long askForPasswordDelay, Long idleTime,
        List<EvidenceId> evidence) {

    static final String DEVICE_PAYLOAD = "com.apple.screensaver";
    static final String USER_PAYLOAD = "com.apple.screensaver.user";

    ScreenSaverSettings {
        evidence = List.copyOf(evidence);
    }

    /** The screen-saver keys of a profile's plist root, or {@code null} when no screen-saver payload is in it. */
    static ScreenSaverSettings of(String profile, Object plistRoot, List<EvidenceId> evidence) {
        if (!(plistRoot instanceof Map<?, ?> root) || !(root.get("PayloadContent") instanceof List<?> payloads)) {
            return null;
        }
        Boolean ask = null;
        Long delay = null;
        Long idle = null;
        boolean found = false;
        for (Object item : payloads) {
            if (!(item instanceof Map<?, ?> payload)) {
                continue;
            }
            Object type = payload.get("PayloadType");
            if (DEVICE_PAYLOAD.equals(type)) {
                found = true;
                ask = payload.get("askForPassword") instanceof Boolean value ? value : ask;
                delay = payload.get("askForPasswordDelay") instanceof Long value ? value : delay;
                idle = payload.get("idleTime") instanceof Long value ? value : idle;
            } else if (USER_PAYLOAD.equals(type)) {
                found = true;
                idle = payload.get("idleTime") instanceof Long value ? value : idle;
            }
        }
        return found ? new ScreenSaverSettings(profile, ask, delay, idle, evidence) : null;
    }

    /** The keys this profile sets, in words: {@code askForPassword true, idleTime 600 s}. */
    String words() {
        List<String> words = new ArrayList<>();
        if (askForPassword != null) {
            words.add("askForPassword " + askForPassword);
        }
        if (askForPasswordDelay != null) {
            words.add("askForPasswordDelay " + askForPasswordDelay + " s");
        }
        if (idleTime != null) {
            words.add("idleTime " + idleTime + " s");
        }
        return profile + " (" + (words.isEmpty() ? "no screen-lock key" : String.join(", ", words)) + ")";
    }
}
