package dev.evidentry.endpoint;

import static dev.evidentry.endpoint.MicrosoftApis.flag;
import static dev.evidentry.endpoint.MicrosoftApis.instant;
import static dev.evidentry.endpoint.MicrosoftApis.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Microsoft Intune's managed devices through Microsoft Graph v1.0: the list ({@code GET
 * /deviceManagement/managedDevices}, the fields below, paged by {@code @odata.nextLink}), then each Windows device's
 * {@code windowsProtectionState}, which Graph gives one device at a time: read on a pool of
 * {@code intune-protection-concurrency} threads, each call waiting out Graph's {@code Retry-After}. Windows, macOS and
 * Linux devices are read; phones and tablets are not endpoints here.
 */
final class IntuneDevices {

    static final String SOURCE = "intune";
    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointDiskEncryption.KIND,
            EndpointOperatingSystem.KIND);
    static final String LIST = "GET /deviceManagement/managedDevices";
    static final String PROTECTION = "GET /deviceManagement/managedDevices/{id}/windowsProtectionState";
    static final String PATH = "/v1.0/deviceManagement/managedDevices";
    static final String SELECT = "id,deviceName,serialNumber,operatingSystem,osVersion,complianceState,isEncrypted,"
            + "lastSyncDateTime,managedDeviceOwnerType";
    static final BearerApi.Dialect DIALECT = MicrosoftApis.dialect(SOURCE);

    /** Product states of Defender Antivirus in which it does not protect, whatever the switches say. */
    private static final Set<String> NOT_PROTECTING = Set.of("serviceNotRunning",
            "serviceStartedWithoutMalwareProtection", "productExpired");

    /** A managed device as listed, with the evidence of its page. */
    private record ManagedDevice(JsonNode json, EvidenceId evidence, String platform) {
        String id() {
            return text(json, "id");
        }
    }

    private final BearerApi api;
    private final ApiOptions options;
    private final int concurrency;
    private final FactSink sink;

    IntuneDevices(BearerApi api, ApiOptions options, int concurrency, FactSink sink) {
        this.api = api;
        this.options = options;
        this.concurrency = concurrency;
        this.sink = sink;
    }

    List<Sighting> read() {
        try {
            api.authenticate();
        } catch (CallException e) {
            report(e, KINDS, e.getMessage() + "; nothing could be collected from Intune");
            return List.of();
        }
        List<ManagedDevice> devices = new ArrayList<>();
        AtomicInteger listed = new AtomicInteger();
        try {
            MicrosoftApis.readAll(api, LIST, PATH, List.of(Map.entry("$select", SELECT)), (device, evidence) -> {
                listed.incrementAndGet();
                String platform = platform(text(device, "operatingSystem"));
                if (!platform.isEmpty() && !text(device, "id").isEmpty()) {
                    devices.add(new ManagedDevice(device, evidence, platform));
                }
            });
        } catch (CallException e) {
            if (e.issueCause() == IssueCause.ACCESS_DENIED) {
                e = e.explained("grant the app the Microsoft Graph application permission "
                        + "DeviceManagementManagedDevices.Read.All, with admin consent");
            }
            report(e, KINDS, e.getMessage() + (listed.get() == 0 ? "; no Intune device could be listed"
                    : "; " + listed.get() + " devices were listed before it, the others are missing"));
            if (devices.isEmpty()) {
                return List.of();
            }
        }
        Map<String, Sighting.Protection> protections = protections(devices.stream()
                .filter(device -> device.platform().equals("windows")).toList());
        return devices.stream().map(device -> sighting(device, protections.get(device.id()))).toList();
    }

    /** Each Windows device's protection state, at most {@code concurrency} calls at once. */
    private Map<String, Sighting.Protection> protections(List<ManagedDevice> windows) {
        Map<String, Sighting.Protection> protections = new ConcurrentHashMap<>();
        if (windows.isEmpty()) {
            return protections;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, windows.size()), task -> {
            Thread thread = new Thread(task, "evidentry-intune-protection-" + number.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        try {
            List<Future<?>> running = windows.stream().map(device -> pool.submit(() ->
                    protections.put(device.id(), protection(device)))).collect(java.util.stream.Collectors.toList());
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException(PROTECTION, IssueCause.UNKNOWN, "interrupted", null, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException bug ? bug : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return protections;
    }

    /** One device's protection state; a failure costs this device's protection alone. */
    private Sighting.Protection protection(ManagedDevice device) {
        String name = text(device.json(), "deviceName");
        try {
            BearerApi.Response response = api.get(PROTECTION, PATH + "/" + URLEncoder.encode(device.id(),
                    StandardCharsets.UTF_8) + "/windowsProtectionState", List.of());
            return protection(response.body(), response.evidence());
        } catch (CallException e) {
            sink.issue(new CollectionIssue(EndpointProvider.ID, options.account(), "", null,
                    SOURCE + ":" + e.operation(), Set.of(EndpointProtection.KIND), e.issueCause(),
                    e.getMessage() + "; the protection state of Intune device " + name + " (" + device.id()
                            + ") is unknown"));
            return new Sighting.Protection(ProtectionState.UNKNOWN, "Microsoft Defender Antivirus", null,
                    "Intune's protection state could not be read: " + e.issueCause().label() + ": "
                            + e.getMessage(), List.of(device.evidence()));
        }
    }

    /**
     * Defender Antivirus as Intune last heard of it. Graph's documented example wraps the entity in {@code value};
     * the service answers with the entity itself: both are read.
     */
    static Sighting.Protection protection(JsonNode body, EvidenceId evidence) {
        JsonNode state = body.path("value").isObject() ? body.path("value") : body;
        String version = text(state, "antiMalwareVersion");
        String agent = "Microsoft Defender Antivirus" + (version.isEmpty() ? "" : " " + version);
        Optional<Boolean> malware = flag(state, "malwareProtectionEnabled");
        Optional<Boolean> realTime = flag(state, "realTimeProtectionEnabled");
        String reported = text(state, "lastReportedDateTime");
        String when = reported.isEmpty() ? "" : "; reported " + reported;
        if (malware.isEmpty() && realTime.isEmpty()) {
            return new Sighting.Protection(ProtectionState.UNKNOWN, agent, null,
                    "Intune holds no protection report for this device" + when, List.of(evidence));
        }
        List<String> off = new ArrayList<>();
        if (malware.isPresent() && !malware.get()) {
            off.add("anti-malware is off");
        }
        if (realTime.isPresent() && !realTime.get()) {
            off.add("real-time protection is off");
        }
        if (flag(state, "signatureUpdateOverdue").orElse(false)) {
            off.add("signatures are out of date (signatureUpdateOverdue)");
        }
        String product = text(state, "productStatus");
        for (String status : product.split(",")) {
            if (NOT_PROTECTING.contains(status.strip())) {
                off.add("product status " + status.strip());
            }
        }
        String signatures = text(state, "signatureVersion");
        String tamper = flag(state, "tamperProtectionEnabled").map(on -> on ? "tamper protection on"
                : "tamper protection off").orElse("tamper protection not reported");
        String facts = (signatures.isEmpty() ? "" : "signatures " + signatures + ", ") + tamper + when;
        return off.isEmpty()
                ? new Sighting.Protection(ProtectionState.ACTIVE, agent, null, "real-time protection on, " + facts,
                        List.of(evidence))
                : new Sighting.Protection(ProtectionState.INACTIVE, agent, null, String.join(", ", off) + "; "
                        + facts, List.of(evidence));
    }

    private static Sighting sighting(ManagedDevice device, Sighting.Protection protection) {
        JsonNode json = device.json();
        String sync = text(json, "lastSyncDateTime");
        Instant lastSync = instant(sync);
        String compliance = text(json, "complianceState");
        String owner = text(json, "managedDeviceOwnerType");
        Optional<Boolean> encrypted = flag(json, "isEncrypted");
        DiskEncryptionState disk = encrypted.map(on -> on ? DiskEncryptionState.ENCRYPTED
                : DiskEncryptionState.NOT_ENCRYPTED).orElse(DiskEncryptionState.UNKNOWN);
        String method = switch (device.platform()) {
            case "windows" -> "BitLocker";
            case "macos" -> "FileVault";
            default -> "";
        };
        String complianceWords = compliance.isEmpty() ? "" : ", compliance " + compliance;
        String diskWords = "isEncrypted " + encrypted.map(String::valueOf).orElse("not reported") + complianceWords;
        String osWords = "last sync with Intune " + (sync.isEmpty() ? "never" : sync)
                + (lastSync == null && !sync.isEmpty() ? " (could not be read)" : "") + complianceWords
                + (owner.isEmpty() ? "" : ", " + owner + "-owned");
        return new Sighting(SOURCE, device.id(), text(json, "deviceName"), text(json, "serialNumber"), lastSync,
                protection, new Sighting.Disk(disk, method, diskWords, List.of(device.evidence())), null,
                new Sighting.Os(device.platform(), text(json, "operatingSystem"), text(json, "osVersion"), null,
                        osWords, List.of(device.evidence())));
    }

    /** Intune's {@code operatingSystem} as a platform; empty for what is not a laptop, desktop or server. */
    static String platform(String operatingSystem) {
        String os = operatingSystem.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && !os.contains("mobile") && !os.contains("holographic")) {
            return "windows";
        }
        if (os.equals("macos") || os.equals("mac os") || os.equals("mac")) {
            return "macos";
        }
        return os.equals("linux") ? "linux" : "";
    }

    private void report(CallException e, Set<String> kinds, String message) {
        sink.issue(new CollectionIssue(EndpointProvider.ID, options.account(), "", null, SOURCE + ":" + e.operation(),
                kinds, e.issueCause(), message));
    }
}
