package dev.evidentry.endpoint;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import dev.evidentry.spi.fact.ProtectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches the sightings of every source into devices and turns each device into shared endpoint facts.
 *
 * <p>Matching: sightings with the same hardware serial number are one device. A sighting without a serial number
 * joins the one device with a serial number that has its host name (first label, case ignored), or the other
 * serial-less sightings of that host name, but only while the host name is unique: two devices with different serial
 * numbers, or two sightings from the same source, sharing a host name leave it ambiguous, and such a sighting stays a
 * device of its own. Where sources disagree about an aspect the worse reading wins, and the fact keeps the evidence of
 * every source.
 */
final class Fleet {

    static final String ACCOUNT = "fleet";
    static final String TYPE = "endpoint.device";

    /** Serial numbers that firmware reports when it has none: never a match. */
    private static final Set<String> PLACEHOLDER_SERIALS = Set.of("", "0", "N/A", "NA", "NONE", "UNKNOWN", "DEFAULT",
            "NOT SPECIFIED", "NOT APPLICABLE", "TO BE FILLED BY O.E.M.", "DEFAULT STRING", "SYSTEM SERIAL NUMBER",
            "0123456789", "CHASSIS SERIAL NUMBER");

    private Fleet() {}

    /** A matched device: its resource and what each source saw of it. */
    record Device(ResourceRef resource, String serialNumber, List<Sighting> sightings) {
    }

    static List<Device> match(Collection<Sighting> sightings) {
        Map<String, List<Sighting>> bySerial = new TreeMap<>();
        Map<String, List<Sighting>> serialless = new TreeMap<>();
        List<Sighting> alone = new ArrayList<>();
        for (Sighting sighting : sightings) {
            String serial = serial(sighting.serialNumber());
            if (!serial.isEmpty()) {
                bySerial.computeIfAbsent(serial, key -> new ArrayList<>()).add(sighting);
            } else if (!hostKey(sighting.hostname()).isEmpty()) {
                serialless.computeIfAbsent(hostKey(sighting.hostname()), key -> new ArrayList<>()).add(sighting);
            } else {
                alone.add(sighting);
            }
        }
        Map<String, Set<String>> serialsByHost = new HashMap<>();
        bySerial.forEach((serial, group) -> group.forEach(sighting -> {
            String host = hostKey(sighting.hostname());
            if (!host.isEmpty()) {
                serialsByHost.computeIfAbsent(host, key -> new TreeSet<>()).add(serial);
            }
        }));

        List<Device> devices = new ArrayList<>();
        Map<String, List<Sighting>> byHost = new TreeMap<>();
        serialless.forEach((host, group) -> {
            Set<String> serials = serialsByHost.getOrDefault(host, Set.of());
            boolean oneFromEachSource = group.stream().map(Sighting::source).distinct().count() == group.size();
            if (serials.size() > 1 || !oneFromEachSource) {
                alone.addAll(group);
            } else if (serials.size() == 1) {
                bySerial.get(serials.iterator().next()).addAll(group);
            } else {
                byHost.put(host, group);
            }
        });
        bySerial.forEach((serial, group) -> devices.add(device("serial/" + serial, serial, group)));
        byHost.forEach((host, group) -> devices.add(device("hostname/" + host, "", group)));
        alone.forEach(sighting -> devices.add(device(sighting.source() + "/" + sighting.sourceId(),
                serial(sighting.serialNumber()), List.of(sighting))));
        devices.sort(Comparator.comparing(Device::resource));
        return devices;
    }

    private static Device device(String nativeId, String serial, List<Sighting> group) {
        List<Sighting> sorted = group.stream()
                .sorted(Comparator.comparing(Sighting::source).thenComparing(Sighting::sourceId)).toList();
        String name = sorted.stream().map(Sighting::hostname).filter(host -> !host.isEmpty()).findFirst()
                .orElse(nativeId);
        return new Device(ResourceRef.global(EndpointProvider.ID, ACCOUNT, TYPE, nativeId, name), serial, sorted);
    }

    /** Every fact of every device: per aspect, the worst reading of any source, with all their evidence. */
    static List<Fact> facts(Collection<Device> devices) {
        List<Fact> facts = new ArrayList<>();
        for (Device device : devices) {
            protection(device, facts);
            disk(device, facts);
            screenLock(device, facts);
            os(device, facts);
        }
        return facts;
    }

    private static void protection(Device device, List<Fact> facts) {
        Map<Sighting, Sighting.Protection> readings = readings(device, Sighting::protection);
        if (readings.isEmpty()) {
            return;
        }
        Sighting worst = worst(readings, Comparator.comparing((Sighting.Protection p) -> protectionRank(p.state()))
                .thenComparing(p -> p.signatureAge() == null ? Duration.ZERO : p.signatureAge(),
                        Comparator.reverseOrder()));
        Sighting.Protection reading = readings.get(worst);
        facts.add(new EndpointProtection(device.resource(), hostname(device, worst), device.serialNumber(),
                reading.agent(), reading.state(), reading.signatureAge(), worst.lastReported(),
                detail(readings, Sighting.Protection::state, Sighting.Protection::detail),
                evidence(readings.values(), Sighting.Protection::evidence)));
    }

    private static void disk(Device device, List<Fact> facts) {
        Map<Sighting, Sighting.Disk> readings = readings(device, Sighting::disk);
        if (readings.isEmpty()) {
            return;
        }
        Sighting worst = worst(readings, Comparator.comparing(Sighting.Disk::state));
        Sighting.Disk reading = readings.get(worst);
        facts.add(new EndpointDiskEncryption(device.resource(), hostname(device, worst), device.serialNumber(),
                reading.state(), reading.method(), worst.lastReported(),
                detail(readings, Sighting.Disk::state, Sighting.Disk::detail),
                evidence(readings.values(), Sighting.Disk::evidence)));
    }

    private static void screenLock(Device device, List<Fact> facts) {
        Map<Sighting, Sighting.ScreenLock> readings = readings(device, Sighting::screenLock);
        if (readings.isEmpty()) {
            return;
        }
        // An unknown idle time is worse than any known one: it cannot be shown to be within a limit.
        Sighting worst = worst(readings, Comparator.comparing(Sighting.ScreenLock::state)
                .thenComparing(lock -> lock.lockAfter() == null ? Duration.ofSeconds(Long.MAX_VALUE)
                        : lock.lockAfter(), Comparator.reverseOrder()));
        Sighting.ScreenLock reading = readings.get(worst);
        facts.add(new EndpointScreenLock(device.resource(), hostname(device, worst), device.serialNumber(),
                reading.state(), reading.lockAfter(), worst.lastReported(),
                detail(readings, Sighting.ScreenLock::state, Sighting.ScreenLock::detail),
                evidence(readings.values(), Sighting.ScreenLock::evidence)));
    }

    private static void os(Device device, List<Fact> facts) {
        Map<Sighting, Sighting.Os> readings = readings(device, Sighting::os);
        if (readings.isEmpty()) {
            return;
        }
        // The oldest report wins: a device is only as current as its stalest source; unknown is oldest of all.
        Sighting worst = readings.keySet().stream()
                .min(Comparator.comparing((Sighting s) -> s.lastReported() == null ? Instant.MIN : s.lastReported()))
                .orElseThrow();
        Sighting.Os reading = readings.get(worst);
        facts.add(new EndpointOperatingSystem(device.resource(), hostname(device, worst), device.serialNumber(),
                reading.platform(), reading.name(), reading.version(), lastPatched(readings.values()),
                worst.lastReported(),
                osDetail(readings),
                evidence(readings.values(), Sighting.Os::evidence)));
    }

    /**
     * The newest installation any source reports: unlike a state, a patch date does not disagree, an older report
     * merely predates the later installation.
     */
    private static Instant lastPatched(Collection<Sighting.Os> readings) {
        return readings.stream().map(Sighting.Os::lastPatched).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    private static String osDetail(Map<Sighting, Sighting.Os> readings) {
        if (readings.size() == 1) {
            return readings.values().iterator().next().detail();
        }
        return readings.entrySet().stream().map(entry -> entry.getKey().source() + " last report "
                + (entry.getKey().lastReported() == null ? "unknown" : entry.getKey().lastReported().toString())
                + (entry.getValue().detail().isEmpty() ? "" : " (" + entry.getValue().detail() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static <R> Map<Sighting, R> readings(Device device, Function<Sighting, R> aspect) {
        Map<Sighting, R> readings = new LinkedHashMap<>();
        for (Sighting sighting : device.sightings()) {
            R reading = aspect.apply(sighting);
            if (reading != null) {
                readings.put(sighting, reading);
            }
        }
        return readings;
    }

    /** The sighting whose reading ranks lowest; on a tie, the first in source order. */
    private static <R> Sighting worst(Map<Sighting, R> readings, Comparator<R> order) {
        Sighting worst = null;
        for (Map.Entry<Sighting, R> entry : readings.entrySet()) {
            if (worst == null || order.compare(entry.getValue(), readings.get(worst)) < 0) {
                worst = entry.getKey();
            }
        }
        return worst;
    }

    /** One source: its own words. Several: each source's state and words, so a disagreement is visible. */
    private static <R> String detail(Map<Sighting, R> readings, Function<R, Object> state,
            Function<R, String> words) {
        if (readings.size() == 1) {
            return words.apply(readings.values().iterator().next());
        }
        return readings.entrySet().stream().map(entry -> {
            String said = words.apply(entry.getValue());
            return entry.getKey().source() + " " + state.apply(entry.getValue()).toString().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + (said.isEmpty() ? "" : " (" + said + ")");
        }).collect(Collectors.joining("; "));
    }

    private static <R> List<EvidenceId> evidence(Collection<R> readings, Function<R, List<EvidenceId>> evidence) {
        return readings.stream().flatMap(reading -> evidence.apply(reading).stream()).distinct().sorted().toList();
    }

    private static String hostname(Device device, Sighting preferred) {
        return preferred.hostname().isEmpty() ? device.resource().name() : preferred.hostname();
    }

    /** Known bad first, then unknown, then active. */
    private static int protectionRank(ProtectionState state) {
        return switch (state) {
            case ABSENT -> 0;
            case INACTIVE -> 1;
            case UNKNOWN -> 2;
            case ACTIVE -> 3;
        };
    }

    static String serial(String raw) {
        String serial = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return PLACEHOLDER_SERIALS.contains(serial) ? "" : serial;
    }

    /** The host name's first label in lower case: {@code Alice-MBP.local} and {@code alice-mbp} are one host. */
    static String hostKey(String hostname) {
        String host = hostname == null ? "" : hostname.strip().toLowerCase(Locale.ROOT);
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
