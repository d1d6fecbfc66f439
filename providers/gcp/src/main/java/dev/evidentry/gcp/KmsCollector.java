package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.cloudkms.v1.CloudKMS;
import com.google.api.services.cloudkms.v1.model.CryptoKey;
import com.google.api.services.cloudkms.v1.model.KeyRing;
import com.google.api.services.cloudkms.v1.model.ListCryptoKeysResponse;
import com.google.api.services.cloudkms.v1.model.ListKeyRingsResponse;
import com.google.api.services.cloudkms.v1.model.ListLocationsResponse;
import com.google.api.services.cloudkms.v1.model.Location;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.gcp.GcpKmsKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Cloud KMS in one project: {@code locations.list}, then {@code keyRings.list} in each location, then
 * {@code cryptoKeys.list} in each key ring (all pages of each), each key's purpose, rotation period and primary
 * version's state.
 */
final class KmsCollector {

    static final Set<String> KINDS = Set.of(GcpKmsKey.KIND);
    static final int PAGE_SIZE = 1000;

    private final CloudKMS kms;
    private final FactSink sink;
    private final Work work;

    KmsCollector(GcpClients clients, FactSink sink, Work work) {
        this.kms = requireNonNull(clients, "clients is null").kms();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
    }

    void start(String project) {
        work.add(Task.onAccount("cloudkms.projects.locations.list", project, KINDS, () -> locations(project)));
    }

    private void locations(String project) {
        GcpCalls.<ListLocationsResponse>pages("cloudkms.projects.locations.list",
                token -> kms.projects().locations().list("projects/" + project).setPageSize(PAGE_SIZE)
                        .setPageToken(token),
                ListLocationsResponse::getNextPageToken,
                page -> {
                    if (page.value().getLocations() == null) {
                        return;
                    }
                    for (Location location : page.value().getLocations()) {
                        if (location.getLocationId() == null || location.getName() == null) {
                            throw CallException.malformed("cloudkms.projects.locations.list",
                                    "a location without locationId or name", page.evidence());
                        }
                        String id = location.getLocationId();
                        String name = location.getName();
                        work.add(new Task("cloudkms.projects.locations.keyRings.list", project, id, null, KINDS,
                                () -> keyRings(project, id, name)));
                    }
                });
    }

    private void keyRings(String project, String location, String locationName) {
        GcpCalls.<ListKeyRingsResponse>pages("cloudkms.projects.locations.keyRings.list",
                token -> kms.projects().locations().keyRings().list(locationName).setPageSize(PAGE_SIZE)
                        .setPageToken(token),
                ListKeyRingsResponse::getNextPageToken,
                page -> {
                    if (page.value().getKeyRings() == null) {
                        return;
                    }
                    for (KeyRing ring : page.value().getKeyRings()) {
                        if (ring.getName() == null) {
                            throw CallException.malformed("cloudkms.projects.locations.keyRings.list",
                                    "a key ring without a name", page.evidence());
                        }
                        String name = ring.getName();
                        work.add(new Task("cloudkms.projects.locations.keyRings.cryptoKeys.list", project, location,
                                null, KINDS, () -> keys(project, location, name)));
                    }
                });
    }

    private void keys(String project, String location, String ringName) {
        GcpCalls.<ListCryptoKeysResponse>pages("cloudkms.projects.locations.keyRings.cryptoKeys.list",
                token -> kms.projects().locations().keyRings().cryptoKeys().list(ringName).setPageSize(PAGE_SIZE)
                        .setPageToken(token),
                ListCryptoKeysResponse::getNextPageToken,
                page -> {
                    if (page.value().getCryptoKeys() != null) {
                        page.value().getCryptoKeys().forEach(key -> key(project, location, key, page));
                    }
                });
    }

    private void key(String project, String location, CryptoKey key, Evidenced<ListCryptoKeysResponse> page) {
        if (key.getName() == null || key.getPurpose() == null) {
            throw CallException.malformed("cloudkms.projects.locations.keyRings.cryptoKeys.list",
                    "a key without name or purpose", page.evidence());
        }
        ResourceRef ref = Resources.kmsKey(project, location, key.getName());
        Duration rotation;
        try {
            rotation = duration(key.getRotationPeriod());
        } catch (NumberFormatException | ArithmeticException e) {
            throw CallException.malformed("cloudkms.projects.locations.keyRings.cryptoKeys.list", "key "
                    + key.getName() + " has rotationPeriod '" + key.getRotationPeriod() + "', not a duration such "
                    + "as 7776000s", page.evidence());
        }
        String primary = key.getPrimary() == null || key.getPrimary().getState() == null ? ""
                : key.getPrimary().getState();
        sink.accept(new GcpKmsKey(ref, key.getPurpose(), rotation, primary, List.of(page.evidence())));
    }

    /** A protobuf JSON duration such as {@code 7776000s} or {@code 3.5s}; {@code null} when absent. */
    static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.endsWith("s")) {
            throw new NumberFormatException(text);
        }
        BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1));
        if (seconds.signum() < 0) {
            throw new NumberFormatException(text);
        }
        return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9)
                .longValueExact());
    }
}
