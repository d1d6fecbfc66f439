package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.ScreenLockState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one host's latest osquery results say: the rows of each named query, read into a {@link Sighting}. */
final class OsqueryHost {

    /** The latest snapshot of one query for one host. */
    record Result(JsonNode rows, Instant reported, EvidenceId evidence) {
    }

    /** Process names of antivirus and EDR agents, as {@code evidentry_antivirus} finds them on macOS and Linux. */
    static final Map<String, String> KNOWN_AGENTS = Map.ofEntries(
            Map.entry("falcond", "CrowdStrike Falcon"),
            Map.entry("falcon-sensor", "CrowdStrike Falcon"),
            Map.entry("com.crowdstrike.falcon.agent", "CrowdStrike Falcon"),
            Map.entry("sentineld", "SentinelOne"),
            Map.entry("sentinelagent", "SentinelOne"),
            Map.entry("s1-agent", "SentinelOne"),
            Map.entry("wdavdaemon", "Microsoft Defender for Endpoint"),
            Map.entry("mdatp", "Microsoft Defender for Endpoint"),
            Map.entry("com.microsoft.wdav.epsext", "Microsoft Defender for Endpoint"),
            Map.entry("sophosscand", "Sophos"),
            Map.entry("savd", "Sophos"),
            Map.entry("clamd", "ClamAV"),
            Map.entry("cbagentd", "VMware Carbon Black"),
            Map.entry("cbdaemon", "VMware Carbon Black"));

    private OsqueryHost() {}

    static Sighting sighting(String hostIdentifier, Map<OsqueryQuery, Result> results) {
        JsonNode system = firstRow(results.get(OsqueryQuery.SYSTEM_INFO));
        String hostname = text(system, "hostname");
        if (hostname.isEmpty()) {
            hostname = hostIdentifier;
        }
        String serial = text(system, "hardware_serial");
        Instant lastReported = results.values().stream().map(Result::reported).max(Instant::compareTo).orElse(null);
        Sighting.Os os = os(results.get(OsqueryQuery.OS), results.get(OsqueryQuery.PATCHES));
        String platform = os.platform();
        return new Sighting(OsqueryResults.SOURCE, hostIdentifier, hostname, serial, lastReported,
                protection(results.get(OsqueryQuery.ANTIVIRUS)), disk(results, platform),
                screenLock(results.get(OsqueryQuery.SCREENLOCK), platform), os);
    }

    private static Sighting.Os os(Result result, Result patches) {
        JsonNode row = firstRow(result);
        Instant lastPatched = lastInstalled(patches);
        List<EvidenceId> evidence = new ArrayList<>(evidence(result));
        evidence.addAll(evidence(patches));
        String patchNote = patchNote(patches, lastPatched);
        if (row == null) {
            return new Sighting.Os("", "", "", lastPatched, join(missing(OsqueryQuery.OS), patchNote), evidence);
        }
        String platform = platform(text(row, "platform"), text(row, "platform_like"));
        String build = text(row, "build");
        return new Sighting.Os(platform, text(row, "name"), text(row, "version"), lastPatched,
                join(build.isEmpty() ? "" : "build " + build, patchNote), evidence);
    }

    /** {@code evidentry_patches}' {@code last_installed}: Unix seconds, empty when nothing was ever installed. */
    private static Instant lastInstalled(Result patches) {
        String seconds = text(firstRow(patches), "last_installed");
        try {
            long value = Long.parseLong(seconds);
            return value > 0 ? Instant.ofEpochSecond(value) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String patchNote(Result patches, Instant lastPatched) {
        if (lastPatched != null) {
            return "";
        }
        if (patches == null) {
            return missing(OsqueryQuery.PATCHES);
        }
        String seconds = text(firstRow(patches), "last_installed");
        return seconds.isEmpty() || seconds.equals("0") ? "evidentry_patches found no installed update"
                : "evidentry_patches' last_installed \"" + seconds + "\" could not be read";
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
    }

    private static Sighting.Protection protection(Result result) {
        if (result == null) {
            return new Sighting.Protection(ProtectionState.UNKNOWN, "", null, missing(OsqueryQuery.ANTIVIRUS),
                    List.of());
        }
        List<EvidenceId> evidence = evidence(result);
        boolean securityCenter = false;
        Sighting.Protection inactive = null;
        for (JsonNode row : result.rows()) {
            if (row.has("state")) {
                // windows_security_products: the products Windows Security Center knows.
                securityCenter = true;
                String name = text(row, "name");
                String state = text(row, "state");
                if (!"On".equalsIgnoreCase(state)) {
                    inactive = new Sighting.Protection(ProtectionState.INACTIVE, name, null,
                            "Windows Security Center reports it " + state, evidence);
                } else if ("0".equals(text(row, "signatures_up_to_date"))) {
                    inactive = new Sighting.Protection(ProtectionState.INACTIVE, name, null,
                            "Windows Security Center reports its signatures out of date", evidence);
                } else {
                    return new Sighting.Protection(ProtectionState.ACTIVE, name, null, "", evidence);
                }
            } else {
                String agent = KNOWN_AGENTS.get(text(row, "name").toLowerCase(Locale.ROOT));
                if (agent != null) {
                    return new Sighting.Protection(ProtectionState.ACTIVE, agent, null,
                            "process " + text(row, "name") + " running", evidence);
                }
            }
        }
        if (inactive != null) {
            return inactive;
        }
        return new Sighting.Protection(ProtectionState.ABSENT, "", null, securityCenter
                ? "Windows Security Center lists no antivirus that is on"
                : "no known antivirus or EDR process was running", evidence);
    }

    private static Sighting.Disk disk(Map<OsqueryQuery, Result> results, String platform) {
        Result bitlocker = results.get(OsqueryQuery.BITLOCKER);
        Result disk = results.get(OsqueryQuery.DISK_ENCRYPTION);
        if (bitlocker != null && (disk == null || "windows".equals(platform))) {
            JsonNode row = firstRow(bitlocker);
            if (row == null) {
                return new Sighting.Disk(DiskEncryptionState.UNKNOWN, "BitLocker", "bitlocker_info has no row for "
                        + "the system drive", evidence(bitlocker));
            }
            String method = "BitLocker" + (text(row, "encryption_method").isEmpty() ? ""
                    : " " + text(row, "encryption_method"));
            String protection = text(row, "protection_status");
            String conversion = text(row, "conversion_status");
            String drive = text(row, "drive_letter");
            if ("1".equals(protection) && "1".equals(conversion)) {
                return new Sighting.Disk(DiskEncryptionState.ENCRYPTED, method, "drive " + drive
                        + " fully encrypted, protection on", evidence(bitlocker));
            }
            if ("0".equals(protection)) {
                return new Sighting.Disk(DiskEncryptionState.NOT_ENCRYPTED, method, "drive " + drive
                        + " protection off (conversion status " + conversion + ")", evidence(bitlocker));
            }
            return new Sighting.Disk(DiskEncryptionState.UNKNOWN, method, "drive " + drive + " protection status "
                    + protection + ", conversion status " + conversion, evidence(bitlocker));
        }
        if (disk == null) {
            return new Sighting.Disk(DiskEncryptionState.UNKNOWN, "", missing(OsqueryQuery.DISK_ENCRYPTION)
                    + " or " + OsqueryQuery.BITLOCKER.queryName(), List.of());
        }
        JsonNode row = firstRow(disk);
        if (row == null) {
            return new Sighting.Disk(DiskEncryptionState.UNKNOWN, "", "disk_encryption has no row for the volume "
                    + "mounted at /", evidence(disk));
        }
        String type = text(row, "type");
        String family = "macos".equals(platform) ? "FileVault" : "linux".equals(platform) ? "LUKS" : "";
        String method = (family + (type.isEmpty() ? "" : " " + type)).strip();
        String device = text(row, "name");
        return switch (text(row, "encrypted")) {
            case "1" -> new Sighting.Disk(DiskEncryptionState.ENCRYPTED, method, device + " encrypted",
                    evidence(disk));
            case "0" -> new Sighting.Disk(DiskEncryptionState.NOT_ENCRYPTED, method, device + " not encrypted"
                    + (text(row, "encryption_status").isEmpty() ? "" : " (" + text(row, "encryption_status") + ")"),
                    evidence(disk));
            default -> new Sighting.Disk(DiskEncryptionState.UNKNOWN, method, device + " encrypted = \""
                    + text(row, "encrypted") + "\"", evidence(disk));
        };
    }

    private static Sighting.ScreenLock screenLock(Result result, String platform) {
        if (result == null) {
            return new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, missing(OsqueryQuery.SCREENLOCK),
                    List.of());
        }
        JsonNode row = firstRow(result);
        List<EvidenceId> evidence = evidence(result);
        if (row != null && row.has("graphical_processes")) {
            // Linux: osquery reads no desktop's lock settings, but can tell a server without any display from a desktop.
            return "0".equals(text(row, "graphical_processes"))
                    ? new Sighting.ScreenLock(ScreenLockState.NO_DISPLAY, null, "no display server or display manager "
                            + "runs", evidence)
                    : new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, "a graphical session runs, and osquery "
                            + "has no screen-lock table for Linux desktops", evidence);
        }
        if (row == null) {
            return new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, "windows".equals(platform)
                    ? "no machine inactivity limit (InactivityTimeoutSecs) is set; a user's own screen saver lock is "
                            + "not read"
                    : "no row: osquery reads the screen lock of the logged-in user, and nobody was logged in",
                    evidence);
        }
        if (row.has("inactivity_timeout_secs")) {
            // Windows: the machine inactivity limit (Interactive logon: Machine inactivity limit).
            long seconds = seconds(text(row, "inactivity_timeout_secs"));
            return seconds > 0
                    ? new Sighting.ScreenLock(ScreenLockState.ENABLED, Duration.ofSeconds(seconds),
                            "machine inactivity limit " + seconds + " s", evidence)
                    : new Sighting.ScreenLock(ScreenLockState.DISABLED, null, "no machine inactivity limit", evidence);
        }
        // macOS: screenlock (password after sleep or screen saver, grace period) plus the screen saver idle time.
        if (!"1".equals(text(row, "enabled"))) {
            return new Sighting.ScreenLock(ScreenLockState.DISABLED, null, "no password after sleep or screen saver",
                    evidence);
        }
        long grace = Math.max(0, seconds(text(row, "grace_period")));
        long idle = seconds(text(row, "idle_time"));
        if (idle <= 0) {
            return new Sighting.ScreenLock(ScreenLockState.ENABLED, null, "password after sleep or screen saver "
                    + "(grace " + grace + " s), but the screen saver idle time was not reported", evidence);
        }
        return new Sighting.ScreenLock(ScreenLockState.ENABLED, Duration.ofSeconds(idle + grace),
                "screen saver after " + idle + " s, password after a grace of " + grace + " s", evidence);
    }

    private static String platform(String platform, String like) {
        String value = platform.toLowerCase(Locale.ROOT);
        if (value.equals("darwin")) {
            return "macos";
        }
        if (value.equals("windows")) {
            return "windows";
        }
        return value.isEmpty() && like.isEmpty() ? "" : "linux";
    }

    private static long seconds(String value) {
        try {
            return value.isEmpty() ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String missing(OsqueryQuery query) {
        return "no " + query.queryName() + " results for this host";
    }

    private static JsonNode firstRow(Result result) {
        return result == null || result.rows().isEmpty() ? null : result.rows().get(0);
    }

    private static List<EvidenceId> evidence(Result result) {
        return result == null ? List.of() : new ArrayList<>(List.of(result.evidence()));
    }

    private static String text(JsonNode row, String column) {
        if (row == null) {
            return "";
        }
        JsonNode value = row.path(column);
        return value.isValueNode() ? value.asText("").strip() : "";
    }
}
