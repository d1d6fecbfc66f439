package dev.evidentry.endpoint;

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
import dev.evidentry.spi.fact.EndpointScreenLock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jamf Pro's computers: the inventory ({@code GET /api/v1/computers-inventory}, page by page, with the GENERAL,
 * HARDWARE, OPERATING_SYSTEM, DISK_ENCRYPTION, SECURITY and CONFIGURATION_PROFILES sections in one call) read into
 * FileVault state, operating system, the time of the last inventory, Gatekeeper and XProtect ({@link JamfSecurity}),
 * and the screen lock set by the installed configuration profiles ({@link JamfProfiles}, {@link JamfScreenLock}).
 */
final class JamfComputers {

    static final String SOURCE = "jamf";
    static final Set<String> KINDS = Set.of(EndpointDiskEncryption.KIND, EndpointOperatingSystem.KIND,
            EndpointProtection.KIND, EndpointScreenLock.KIND);
    static final String INVENTORY = "get_v1-computers-inventory";
    static final String PATH = "/api/v1/computers-inventory";

    /**
     * Jamf Pro's ways: an API client's token at {@code /api/oauth/token} (grant type in the form); a 429 may say
     * {@code Retry-After} in seconds; errors are {@code "errors": [{"code": ..., "description": ...}]}, or an OAuth
     * {@code "error"}.
     */
    static final BearerApi.Dialect DIALECT = new BearerApi.Dialect(SOURCE, "post_oauth-token", "/api/oauth/token",
            true,
            (response, now) -> response.headers().firstValue("Retry-After").flatMap(value -> {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }),
            body -> {
                List<String> words = new ArrayList<>();
                body.path("errors").forEach(error -> {
                    String text = (error.path("code").asText("") + " " + error.path("description").asText(""))
                            .strip();
                    if (!text.isEmpty()) {
                        words.add(text);
                    }
                });
                if (words.isEmpty() && body.path("error").isTextual()) {
                    words.add(body.path("error").asText());
                }
                return String.join("; ", words);
            });

    private final BearerApi api;
    private final ApiOptions options;
    private final FactSink sink;
    private final int pageSize;

    JamfComputers(BearerApi api, ApiOptions options, int pageSize, FactSink sink) {
        this.api = api;
        this.pageSize = pageSize;
        this.options = options;
        this.sink = sink;
    }

    List<Sighting> read() {
        try {
            api.authenticate();
        } catch (CallException e) {
            report(e, e.issueCause() == IssueCause.INVALID_CREDENTIALS
                    ? "Jamf Pro rejected the API client " + options.clientId() + ": " + e.getMessage() + "; check "
                            + EndpointOptions.JAMF_CLIENT_ID + ", " + EndpointOptions.JAMF_SECRET_VARIABLE
                            + " and that the client is enabled; nothing could be collected from Jamf Pro"
                    : e.getMessage() + "; nothing could be collected from Jamf Pro");
            return List.of();
        }
        List<Sighting> sightings = new ArrayList<>();
        JamfProfiles profiles = new JamfProfiles(api, sink, options.account());
        int page = 0;
        try {
            while (true) {
                BearerApi.Response response = api.get(INVENTORY, PATH, List.of(
                        Map.entry("section", "GENERAL"), Map.entry("section", "HARDWARE"),
                        Map.entry("section", "OPERATING_SYSTEM"), Map.entry("section", "DISK_ENCRYPTION"),
                        Map.entry("section", "SECURITY"), Map.entry("section", "CONFIGURATION_PROFILES"),
                        Map.entry("page", String.valueOf(page)), Map.entry("page-size", String.valueOf(pageSize)),
                        Map.entry("sort", "id:asc")));
                JsonNode results = response.body().path("results");
                JsonNode total = response.body().path("totalCount");
                if (!results.isArray() || !total.canConvertToLong()) {
                    throw new CallException(INVENTORY, IssueCause.MALFORMED_RESPONSE, "the answer has no results "
                            + "array or no totalCount (evidence " + response.evidence() + ")", null, null);
                }
                for (JsonNode computer : results) {
                    sightings.add(sighting(computer, response.evidence(), profiles));
                }
                page++;
                if (results.isEmpty() || (long) page * pageSize >= total.asLong()) {
                    return sightings;
                }
            }
        } catch (CallException e) {
            report(e, e.getMessage() + (sightings.isEmpty() ? "; no Jamf Pro computer could be read"
                    : "; " + sightings.size() + " computers were read before it, the others are missing"));
            return sightings;
        }
    }

    static Sighting sighting(JsonNode computer, EvidenceId evidence, JamfProfiles profiles) {
        JsonNode general = computer.path("general");
        String reportDate = text(general, "reportDate");
        String lastContact = text(general, "lastContactTime");
        Instant reported = instant(reportDate);
        String contact = lastContact.isEmpty() ? "" : ", last check-in " + lastContact;

        JsonNode boot = computer.path("diskEncryption").path("bootPartitionEncryptionDetails");
        String state = text(boot, "partitionFileVault2State");
        String partition = text(boot, "partitionName");
        String percent = text(boot, "partitionFileVault2Percent");
        String words = (partition.isEmpty() ? "boot partition" : partition) + " FileVault state "
                + (state.isEmpty() ? "not reported" : state) + (percent.isEmpty() ? "" : " (" + percent + "%)");
        DiskEncryptionState disk = switch (state) {
            case "ENCRYPTED" -> DiskEncryptionState.ENCRYPTED;
            case "UNENCRYPTED", "DECRYPTED", "DECRYPTING", "ENCRYPTING", "INELIGIBLE" ->
                    DiskEncryptionState.NOT_ENCRYPTED;
            default -> DiskEncryptionState.UNKNOWN;
        };
        JsonNode os = computer.path("operatingSystem");
        String build = text(os, "build");
        return new Sighting(SOURCE, text(computer, "id"), text(general, "name"),
                text(computer.path("hardware"), "serialNumber"), reported,
                JamfSecurity.reading(computer.path("security"), evidence),
                new Sighting.Disk(disk, "FileVault", words, List.of(evidence)),
                JamfScreenLock.reading(computer.path("configurationProfiles"), profiles, evidence),
                new Sighting.Os("macos", text(os, "name"), text(os, "version"), null,
                        (build.isEmpty() ? "" : "build " + build + ", ") + "last inventory "
                                + (reportDate.isEmpty() ? "never" : reportDate) + contact
                                + (reported == null && !reportDate.isEmpty() ? " (could not be read)" : ""),
                        List.of(evidence)));
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void report(CallException e, String message) {
        sink.issue(new CollectionIssue(EndpointProvider.ID, options.account(), "", null, "jamf:" + e.operation(),
                KINDS, e.issueCause(), message));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("").strip() : "";
    }
}
