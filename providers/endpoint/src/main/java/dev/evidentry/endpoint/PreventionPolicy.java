package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Falcon prevention policy as {@code getPreventionPolicies} describes it: whether it is enabled, and its key
 * settings (from {@code prevention_settings}: categories of settings with {@code id}, {@code name}, {@code type} and a
 * {@code value} of {@code {"enabled": ...}} for a toggle or {@code {"detection": ..., "prevention": ...}} for a
 * machine-learning slider, levels {@code DISABLED}, {@code CAUTIOUS}, {@code MODERATE}, {@code AGGRESSIVE},
 * {@code EXTRA_AGGRESSIVE}).
 *
 * @param sliders the key machine-learning sliders present, by setting id: the setting's name and its levels
 * @param toggles the key toggles present, by setting id: the setting's name and whether it is on
 */
record PreventionPolicy(String id, String name, boolean enabled, Map<String, Slider> sliders,
        Map<String, Toggle> toggles, EvidenceId evidence) {

    /** The anti-malware sliders that decide whether the sensor blocks malware at all. */
    static final List<String> KEY_SLIDERS = List.of("CloudAntiMalware", "OnSensorMLSlider");
    /** Toggles reported beside them: quarantine, and on-write detection and quarantine (Windows). */
    static final List<String> KEY_TOGGLES = List.of("NextGenAV", "DetectOnWrite", "QuarantineOnWrite");

    record Slider(String name, String detection, String prevention) {
        boolean prevents() {
            return !prevention.isEmpty() && !prevention.equals("DISABLED");
        }
    }

    record Toggle(String name, boolean on) {
    }

    PreventionPolicy {
        sliders = new TreeMap<>(sliders);
        toggles = new TreeMap<>(toggles);
    }

    static PreventionPolicy of(JsonNode policy, EvidenceId evidence) {
        Map<String, Slider> sliders = new TreeMap<>();
        Map<String, Toggle> toggles = new TreeMap<>();
        for (JsonNode category : policy.path("prevention_settings")) {
            for (JsonNode setting : category.path("settings")) {
                String id = setting.path("id").asText("");
                String name = setting.path("name").asText(id);
                JsonNode value = setting.path("value");
                if (KEY_SLIDERS.contains(id)) {
                    sliders.put(id, new Slider(name, value.path("detection").asText(""),
                            value.path("prevention").asText("")));
                } else if (KEY_TOGGLES.contains(id)) {
                    toggles.put(id, new Toggle(name, value.path("enabled").asBoolean(false)));
                }
            }
        }
        return new PreventionPolicy(policy.path("id").asText(""), policy.path("name").asText(""),
                policy.path("enabled").asBoolean(false), sliders, toggles, evidence);
    }

    /** Enabled, and at least one anti-malware slider prevents (not only detects). */
    boolean prevents() {
        return enabled && sliders.values().stream().anyMatch(Slider::prevents);
    }

    /** {@code prevention policy "Workstations" (id)}. */
    String label() {
        return "prevention policy " + (name.isEmpty() ? id : "\"" + name + "\" (" + id + ")");
    }

    /** What the policy sets, for the detail: each key slider's prevention and detection, each key toggle. */
    String settingsInWords() {
        List<String> words = new ArrayList<>();
        for (String key : KEY_SLIDERS) {
            Slider slider = sliders.get(key);
            words.add(slider == null ? key + " not set" : slider.name() + " prevention "
                    + (slider.prevention().isEmpty() ? "not set" : slider.prevention()) + " (detection "
                    + (slider.detection().isEmpty() ? "not set" : slider.detection()) + ")");
        }
        toggles.values().forEach(toggle -> words.add(toggle.name() + (toggle.on() ? " on" : " off")));
        return String.join(", ", words);
    }
}
