package dev.evidentry.provider.support;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The antivirus and EDR agents recognised in a machine's software inventory (AWS SSM's {@code AWS:Application}, Google
 * OS Config's installed packages): case-insensitive substrings of application names as Windows' installed programs or
 * Linux packages name them. One list and one rule, so an {@code endpoint-agents} option means the same on every cloud.
 *
 * @param patterns lower-case substrings, at least {@value #MIN_LENGTH} characters each
 */
public record EndpointAgents(List<String> patterns) {

    public static final int MIN_LENGTH = 3;

    /**
     * The default list, by product: the names their installers register on Windows and their Linux packages. ESET is
     * listed by its product lines, since {@code eset} alone is inside {@code reset} and {@code preset}.
     */
    public static final EndpointAgents DEFAULT = new EndpointAgents(List.of(
            // CrowdStrike Falcon: "CrowdStrike Windows Sensor", Linux package falcon-sensor
            "crowdstrike", "falcon-sensor",
            // SentinelOne: "Sentinel Agent", Linux package sentinelagent
            "sentinelone", "sentinel agent", "sentinelagent",
            // Microsoft Defender for Endpoint: Linux package mdatp; Windows Defender
            "mdatp", "microsoft defender", "windows defender",
            // ClamAV: clamav, clamav-daemon, ClamAV for Windows
            "clamav",
            // Trend Micro: Deep Security Agent (Linux package ds_agent), Apex One Security Agent
            "trend micro", "deep security", "ds_agent", "apex one",
            // Sophos: Sophos Endpoint Agent, sophos-spl
            "sophos",
            // VMware Carbon Black: Carbon Black Cloud Sensor, Linux package cb-psc-sensor
            "carbon black", "carbonblack", "cb-psc-sensor",
            // Palo Alto Networks Cortex XDR: "Cortex XDR", Linux package cortex-agent
            "cortex xdr", "cortex-xdr", "cortex-agent",
            // Trellix, formerly McAfee: Trellix Endpoint Security, McAfee Endpoint Security, Linux mfeesp
            "trellix", "mcafee", "mfeesp",
            // Bitdefender: Bitdefender Endpoint Security Tools, bitdefender-security-tools
            "bitdefender",
            // ESET: ESET Endpoint Security/Antivirus, ESET Server Security, ESET File Security
            "eset endpoint", "eset server security", "eset file security", "eset-server-security"));

    public EndpointAgents {
        patterns = List.copyOf(requireNonNull(patterns, "patterns is null"));
    }

    /**
     * Reads the option: comma-separated substrings, trimmed, compared without regard to case.
     *
     * @throws IllegalArgumentException naming what is wrong: no pattern, or one shorter than {@value #MIN_LENGTH}
     *     characters (it would match almost any application)
     */
    public static EndpointAgents parse(String value) {
        Set<String> patterns = new LinkedHashSet<>();
        List<String> tooShort = new ArrayList<>();
        for (String item : value.split(",")) {
            String pattern = item.strip().toLowerCase(Locale.ROOT);
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.length() < MIN_LENGTH) {
                tooShort.add("'" + item.strip() + "'");
            } else {
                patterns.add(pattern);
            }
        }
        if (!tooShort.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", tooShort) + " shorter than " + MIN_LENGTH
                    + " characters would match almost any application");
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no agent named");
        }
        return new EndpointAgents(List.copyOf(patterns));
    }

    /** Whether an application of this name is a recognised agent. */
    public boolean matches(String applicationName) {
        if (applicationName == null || applicationName.isBlank()) {
            return false;
        }
        String name = applicationName.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(name::contains);
    }
}
