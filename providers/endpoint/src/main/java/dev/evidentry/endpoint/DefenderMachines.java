package dev.evidentry.endpoint;

import static dev.evidentry.endpoint.MicrosoftApis.instant;
import static dev.evidentry.endpoint.MicrosoftApis.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Defender for Endpoint's machines ({@code GET /api/machines}: onboarding status, sensor health, last full
 * report, operating system), joined by machine id with the antivirus health export ({@code GET /api/deviceavinfo}:
 * antivirus mode and signature times), both paged by {@code @odata.nextLink}. Machines carry no serial number:
 * {@link Fleet} matches them to other sources' devices by host name.
 */
final class DefenderMachines {

    static final String SOURCE = "defender";
    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND);
    static final String MACHINES = "GET /api/machines";
    static final String AV_INFO = "GET /api/deviceavinfo";
    static final BearerApi.Dialect DIALECT = MicrosoftApis.dialect(SOURCE);
    /** The Linux distributions Defender names in {@code osPlatform}. */
    private static final Set<String> LINUX_PLATFORMS = Set.of("linux", "ubuntu", "debian", "redhatenterpriselinux",
            "centos", "oraclelinux", "suselinux", "sles", "amazonlinux", "fedora", "rockylinux", "almalinux");

    /** A row of the antivirus health export, with the evidence of its page. */
    private record AvInfo(JsonNode json, EvidenceId evidence) {
    }

    private record Machine(JsonNode json, EvidenceId evidence) {
    }

    private final BearerApi api;
    private final ApiOptions options;
    private final FactSink sink;

    DefenderMachines(BearerApi api, ApiOptions options, FactSink sink) {
        this.api = api;
        this.options = options;
        this.sink = sink;
    }

    List<Sighting> read() {
        try {
            api.authenticate();
        } catch (CallException e) {
            report(e, KINDS, e.getMessage() + "; nothing could be collected from Defender for Endpoint");
            return List.of();
        }
        List<Machine> machines = new ArrayList<>();
        try {
            MicrosoftApis.readAll(api, MACHINES, "/api/machines", List.of(),
                    (machine, evidence) -> machines.add(new Machine(machine, evidence)));
        } catch (BearerApi.StatusException e) {
            // The documented answer when no machine reported recently.
            if (e.status() != 404 || !machines.isEmpty()) {
                reportListFailure(e, machines.size());
            }
        } catch (CallException e) {
            reportListFailure(e, machines.size());
        }
        if (machines.isEmpty()) {
            return List.of();
        }
        Map<String, AvInfo> antivirus = new HashMap<>();
        String avFailure = "";
        try {
            MicrosoftApis.readAll(api, AV_INFO, "/api/deviceavinfo", List.of(Map.entry("$top", "10000")),
                    (row, evidence) -> antivirus.put(text(row, "machineId"), new AvInfo(row, evidence)));
        } catch (CallException e) {
            CallException explained = e.issueCause() == IssueCause.ACCESS_DENIED ? e.explained("grant the app the "
                    + "WindowsDefenderATP application permission Machine.Read.All, with admin consent") : e;
            report(explained, Set.of(EndpointProtection.KIND), explained.getMessage() + "; the antivirus mode of "
                    + "every Defender for Endpoint machine is unknown");
            avFailure = explained.issueCause().label();
        }
        List<Sighting> sightings = new ArrayList<>();
        for (Machine machine : machines) {
            String id = text(machine.json(), "id");
            if (!id.isEmpty()) {
                sightings.add(sighting(machine.json(), machine.evidence(), antivirus.get(id), avFailure));
            }
        }
        return sightings;
    }

    private void reportListFailure(CallException e, int listed) {
        CallException explained = e.issueCause() == IssueCause.ACCESS_DENIED ? e.explained("grant the app the "
                + "WindowsDefenderATP application permission Machine.Read.All, with admin consent") : e;
        report(explained, KINDS, explained.getMessage() + (listed == 0 ? "; no Defender for Endpoint machine "
                + "could be listed" : "; " + listed + " machines were listed before it, the others are missing"));
    }

    private static Sighting sighting(JsonNode machine, EvidenceId evidence, AvInfo av, String avFailure) {
        String lastSeenText = text(machine, "lastSeen");
        Instant lastSeen = instant(lastSeenText);
        List<EvidenceId> evidenceIds = av == null ? List.of(evidence) : List.of(evidence, av.evidence());
        Sighting.Protection protection = protection(machine, av, avFailure, evidenceIds);
        String osPlatform = text(machine, "osPlatform");
        String build = text(machine, "osBuild");
        String version = platform(osPlatform).equals("windows") ? Sighting.Os.windowsVersion(build,
                text(machine, "version")) : text(machine, "version");
        Sighting.Os os = new Sighting.Os(platform(osPlatform), osPlatform, version, null,
                (build.isEmpty() ? "" : "build " + build + ", ") + "last full report to Defender "
                        + (lastSeenText.isEmpty() ? "never" : lastSeenText)
                        + (lastSeen == null && !lastSeenText.isEmpty() ? " (could not be read)" : ""),
                List.of(evidence));
        return new Sighting(SOURCE, text(machine, "id"), text(machine, "computerDnsName"), "", lastSeen, protection,
                null, null, os);
    }

    /**
     * {@code ACTIVE} only when the machine is onboarded, its sensor is healthy and Defender Antivirus runs in active
     * mode, or in a passive mode beside another antivirus (Windows puts it there when one registers): the check asks for
     * antivirus or EDR running, and the EDR sensor is. Reading passive as inactive would fail every device that runs,
     * say, Falcon with Defender for Endpoint, since the worse reading of all sources wins; the other antivirus's own
     * source says whether it protects. Disabled is {@code INACTIVE}.
     */
    private static Sighting.Protection protection(JsonNode machine, AvInfo av, String avFailure, List<EvidenceId> evidence) {
        String agent = "Microsoft Defender for Endpoint";
        String onboarding = text(machine, "onboardingStatus");
        String health = text(machine, "healthStatus");
        if (!onboarding.equalsIgnoreCase("Onboarded")) {
            return new Sighting.Protection(ProtectionState.ABSENT, agent, null, "not onboarded to Defender for "
                    + "Endpoint (onboardingStatus " + (onboarding.isEmpty() ? "not reported" : onboarding)
                    + "): the device was only discovered", evidence);
        }
        if (health.isEmpty() || health.equalsIgnoreCase("Unknown")) {
            return new Sighting.Protection(ProtectionState.UNKNOWN, agent, null, "onboarded, sensor health "
                    + (health.isEmpty() ? "not reported" : health), evidence);
        }
        if (!health.equalsIgnoreCase("Active")) {
            return new Sighting.Protection(ProtectionState.INACTIVE, agent, null, "onboarded, but the sensor's "
                    + "health is " + health, evidence);
        }
        if (!avFailure.isEmpty()) {
            return new Sighting.Protection(ProtectionState.UNKNOWN, agent, null, "onboarded, sensor active; the "
                    + "antivirus health export could not be read (" + avFailure + ")", evidence);
        }
        if (av == null) {
            return new Sighting.Protection(ProtectionState.ACTIVE, agent, null, "onboarded, sensor active; no "
                    + "antivirus health reported for this machine", evidence);
        }
        JsonNode row = av.json();
        String signatures = text(row, "avSignatureVersion");
        String avAgent = agent + ", Defender Antivirus" + (text(row, "avPlatformVersion").isEmpty() ? ""
                : " " + text(row, "avPlatformVersion"));
        Duration age = signatureAge(row);
        String words = (signatures.isEmpty() ? "" : ", signatures " + signatures)
                + (text(row, "avIsSignatureUpToDate").isEmpty() ? "" : ", up to date: "
                        + text(row, "avIsSignatureUpToDate"));
        String mode = text(row, "avMode");
        return switch (mode) {
            case "0" -> new Sighting.Protection(ProtectionState.ACTIVE, avAgent, age, "onboarded, sensor active, "
                    + "antivirus in active mode" + words, evidence);
            // A passive antivirus's signature age says nothing of the device's protection: it is not reported.
            case "1", "4", "5" -> new Sighting.Protection(ProtectionState.ACTIVE, agent + " (EDR)", null,
                    "onboarded, EDR sensor active; Defender Antivirus is in " + (mode.equals("1") ? "passive mode"
                            : mode.equals("4") ? "EDR block mode (passive)" : "passive audit mode")
                    + ", another antivirus being primary" + words, evidence);
            case "2" -> new Sighting.Protection(ProtectionState.INACTIVE, avAgent, age, "onboarded, sensor active, "
                    + "but Defender Antivirus is disabled" + words, evidence);
            default -> new Sighting.Protection(ProtectionState.ACTIVE, avAgent, age, "onboarded, sensor active, "
                    + "antivirus mode " + (mode.isEmpty() ? "not reported" : "other (" + mode + ")") + words,
                    evidence);
        };
    }

    /** How old the signatures were at the machine's last antivirus report: report time less their release. */
    private static Duration signatureAge(JsonNode row) {
        Instant published = instant(text(row, "avSignaturePublishTime"));
        Instant seen = instant(text(row, "lastSeenTime"));
        if (published == null || seen == null) {
            return null;
        }
        Duration age = Duration.between(published, seen);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** Defender's {@code osPlatform} (Windows10, Windows11, WindowsServer2022, macOS, Linux, Ubuntu...). */
    static String platform(String osPlatform) {
        String os = osPlatform.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("macos")) {
            return "macos";
        }
        return LINUX_PLATFORMS.contains(os) ? "linux" : os;
    }

    private void report(CallException e, Set<String> kinds, String message) {
        sink.issue(new CollectionIssue(EndpointProvider.ID, options.account(), "", null, SOURCE + ":" + e.operation(),
                kinds, e.issueCause(), message));
    }
}
