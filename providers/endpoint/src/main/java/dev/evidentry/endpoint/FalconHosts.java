package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CrowdStrike Falcon's hosts: every device id ({@code QueryDevicesByFilterScroll}, following the scroll offset, so a
 * fleet of any size is listed), then their details in batches ({@code GetDeviceDetailsV2}) and the prevention policies
 * they name ({@link FalconPreventionPolicies}). A host in Falcon has the sensor; it protects the host when its
 * prevention policy is applied, enabled and prevents malware, and the sensor is not in reduced functionality mode.
 */
final class FalconHosts {

    static final String SOURCE = "falcon";
    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND);
    static final String QUERY = "QueryDevicesByFilterScroll";
    static final String QUERY_PATH = "/devices/queries/devices-scroll/v1";
    static final String DETAILS = "GetDeviceDetailsV2";
    /** Ids per {@code GetDeviceDetailsV2} GET: its documented maximum. */
    static final int BATCH_SIZE = 100;

    /**
     * Falcon's ways: the token at {@code /oauth2/token}; a 429's {@code X-RateLimit-RetryAfter} is the epoch second
     * when a call is allowed again; errors are {@code "errors": [{"code": 403, "message": "..."}]}.
     */
    static final BearerApi.Dialect DIALECT = new BearerApi.Dialect(SOURCE, "oauth2AccessToken", "/oauth2/token", false,
            (response, now) -> response.headers().firstValue("X-RateLimit-RetryAfter").flatMap(value -> {
                try {
                    return java.util.Optional.of(java.time.Duration.between(now,
                            Instant.ofEpochSecond(Long.parseLong(value.strip()))));
                } catch (NumberFormatException e) {
                    return java.util.Optional.empty();
                }
            }),
            body -> {
                List<String> words = new ArrayList<>();
                body.path("errors").forEach(error -> {
                    if (!error.path("message").asText("").isEmpty()) {
                        words.add(error.path("message").asText());
                    }
                });
                return String.join("; ", words);
            });

    private final BearerApi api;
    private final ApiOptions options;
    private final FactSink sink;
    private final FalconPreventionPolicies policies;
    private final int pageSize;

    FalconHosts(BearerApi api, ApiOptions options, int pageSize, FactSink sink) {
        this.api = api;
        this.options = options;
        this.pageSize = pageSize;
        this.sink = sink;
        this.policies = new FalconPreventionPolicies(api, sink, options.account());
    }

    List<Sighting> read() {
        try {
            api.authenticate();
        } catch (CallException e) {
            report(e, e.issueCause() == IssueCause.INVALID_CREDENTIALS
                    ? "Falcon rejected the API client " + options.clientId() + ": " + e.getMessage() + "; check "
                            + EndpointOptions.FALCON_CLIENT_ID + ", " + EndpointOptions.FALCON_SECRET_VARIABLE
                            + " and that " + EndpointOptions.FALCON_BASE_URL + " (" + options.baseUrl()
                            + ") is your cloud; nothing could be collected from Falcon"
                    : e.getMessage() + "; nothing could be collected from Falcon");
            return List.of();
        }
        // A set: a host listed twice (a scroll page repeated) is still described once.
        java.util.Set<String> listed = new java.util.LinkedHashSet<>();
        try {
            listIds(listed);
        } catch (CallException e) {
            report(e, e.getMessage() + (listed.isEmpty() ? "; no Falcon host could be listed"
                    : "; " + listed.size() + " host ids were listed before it, the others are missing"));
            if (listed.isEmpty()) {
                return List.of();
            }
        }
        List<Sighting> sightings = new ArrayList<>();
        List<String> ids = new ArrayList<>(listed);
        for (int from = 0; from < ids.size(); from += BATCH_SIZE) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_SIZE));
            try {
                details(batch, sightings);
            } catch (CallException e) {
                report(e, e.getMessage() + "; the details of " + batch.size() + " Falcon hosts are missing ("
                        + batch.get(0) + (batch.size() > 1 ? " to " + batch.get(batch.size() - 1) : "") + ")");
            }
        }
        return sightings;
    }

    /**
     * Follows the scroll: each page's {@code meta.pagination.offset} is the opaque token of the next (it expires two
     * minutes after it was given, so pages are asked for one after another and details only afterwards).
     */
    private void listIds(java.util.Set<String> ids) {
        String offset = "";
        while (true) {
            List<Map.Entry<String, String>> parameters = new ArrayList<>();
            if (!offset.isEmpty()) {
                parameters.add(Map.entry("offset", offset));
            }
            parameters.add(Map.entry("limit", String.valueOf(pageSize)));
            parameters.add(Map.entry("sort", "device_id.asc"));
            BearerApi.Response page = api.get(QUERY, QUERY_PATH, parameters);
            JsonNode resources = page.body().path("resources");
            JsonNode pagination = page.body().path("meta").path("pagination");
            JsonNode total = pagination.path("total");
            if (!resources.isArray() || !total.canConvertToLong()) {
                throw new CallException(QUERY, IssueCause.MALFORMED_RESPONSE, "the answer has no resources "
                        + "array or no meta.pagination.total (evidence " + page.evidence() + ")", null, null);
            }
            resources.forEach(id -> ids.add(id.asText()));
            String next = pagination.path("offset").isValueNode() ? pagination.path("offset").asText("") : "";
            if (resources.isEmpty() || ids.size() >= total.asLong() || next.isEmpty()) {
                return;
            }
            if (next.equals(offset)) {
                throw new CallException(QUERY, IssueCause.MALFORMED_RESPONSE, "the scroll offset did not advance "
                        + "after " + ids.size() + " of " + total.asLong() + " hosts (evidence " + page.evidence()
                        + ")", null, null);
            }
            offset = next;
        }
    }

    private void details(List<String> batch, List<Sighting> sightings) {
        List<Map.Entry<String, String>> parameters = batch.stream().map(id -> Map.entry("ids", id)).toList();
        BearerApi.Response response = api.get(DETAILS, "/devices/entities/devices/v2", parameters);
        JsonNode resources = response.body().path("resources");
        if (!resources.isArray()) {
            throw new CallException(DETAILS, IssueCause.MALFORMED_RESPONSE, "the answer has no resources "
                    + "array (evidence " + response.evidence() + ")", null, null);
        }
        List<String> policyIds = new ArrayList<>();
        for (JsonNode device : resources) {
            String id = device.path("device_id").asText("");
            if (id.isEmpty()) {
                throw new CallException(DETAILS, IssueCause.MALFORMED_RESPONSE, "a device has no device_id "
                        + "(evidence " + response.evidence() + ")", null, null);
            }
            // Only an applied policy on a fully working sensor decides the host's protection.
            JsonNode prevention = device.path("device_policies").path("prevention");
            String policy = text(prevention, "policy_id");
            if (!policy.isEmpty() && prevention.path("applied").asBoolean(false)
                    && !"yes".equalsIgnoreCase(text(device, "reduced_functionality_mode"))) {
                policyIds.add(policy);
            }
        }
        policies.load(policyIds);
        for (JsonNode device : resources) {
            sightings.add(sighting(device, response.evidence(), policies));
        }
        if (resources.size() < batch.size()) {
            sink.issue(new CollectionIssue(EndpointProvider.ID, options.account(), "", null, "falcon:" + DETAILS,
                    KINDS, IssueCause.UNKNOWN, "Falcon listed " + batch.size() + " hosts but returned the details "
                            + "of " + resources.size() + " (hosts removed during the scan?); evidence "
                            + response.evidence()));
        }
    }

    static Sighting sighting(JsonNode device, EvidenceId evidence, FalconPreventionPolicies policies) {
        String lastSeenText = text(device, "last_seen");
        Instant lastSeen = null;
        String unreadable = "";
        try {
            lastSeen = lastSeenText.isEmpty() ? null : Instant.parse(lastSeenText);
        } catch (DateTimeParseException e) {
            unreadable = "; last_seen \"" + lastSeenText + "\" could not be read";
        }
        String version = text(device, "agent_version");
        String agent = "CrowdStrike Falcon" + (version.isEmpty() ? "" : " " + version);
        JsonNode prevention = device.path("device_policies").path("prevention");
        Sighting.Protection protection;
        if ("yes".equalsIgnoreCase(text(device, "reduced_functionality_mode"))) {
            protection = new Sighting.Protection(ProtectionState.INACTIVE, agent, null,
                    "the sensor runs in reduced functionality mode" + unreadable, List.of(evidence));
        } else if (prevention.isMissingNode() || text(prevention, "policy_id").isEmpty()) {
            protection = new Sighting.Protection(ProtectionState.INACTIVE, agent, null,
                    "no prevention policy is assigned: the sensor detects but does not prevent" + unreadable,
                    List.of(evidence));
        } else if (!prevention.path("applied").asBoolean(false)) {
            protection = new Sighting.Protection(ProtectionState.INACTIVE, agent, null, "prevention policy "
                    + text(prevention, "policy_id") + " is assigned but not applied" + unreadable, List.of(evidence));
        } else {
            protection = applied(prevention, policies.get(text(prevention, "policy_id")), agent, evidence,
                    unreadable);
        }
        String build = text(device, "os_build");
        String productName = text(device, "os_product_name");
        String platform = platform(text(device, "platform_name"));
        String osVersion = platform.equals("windows")
                ? Sighting.Os.windowsVersion(build, text(device, "os_version")) : text(device, "os_version");
        Sighting.Os os = new Sighting.Os(platform,
                productName.isEmpty() ? text(device, "os_version") : productName, osVersion, null,
                (build.isEmpty() ? "" : "build " + build + ", ") + "last seen by Falcon "
                        + (lastSeenText.isEmpty() ? "never" : lastSeenText), List.of(evidence));
        return new Sighting(SOURCE, text(device, "device_id"), text(device, "hostname"),
                text(device, "serial_number"), lastSeen, protection, null, null, os);
    }

    /** A host whose prevention policy is applied: as protected as the policy's own settings make it. */
    private static Sighting.Protection applied(JsonNode prevention, FalconPreventionPolicies.Outcome outcome,
            String agent, EvidenceId evidence, String unreadable) {
        String appliedDate = text(prevention, "applied_date");
        String applied = " applied" + (appliedDate.isEmpty() ? "" : " " + appliedDate);
        if (outcome instanceof FalconPreventionPolicies.Known known) {
            PreventionPolicy policy = known.policy();
            List<EvidenceId> both = java.util.stream.Stream.of(evidence, policy.evidence()).distinct().toList();
            if (!policy.enabled()) {
                return new Sighting.Protection(ProtectionState.INACTIVE, agent, null, policy.label() + applied
                        + " is disabled" + unreadable, both);
            }
            return new Sighting.Protection(policy.prevents() ? ProtectionState.ACTIVE : ProtectionState.INACTIVE,
                    agent, null, policy.label() + applied + (policy.prevents() ? ": " : " prevents no malware: ")
                            + policy.settingsInWords() + unreadable, both);
        }
        String why = ((FalconPreventionPolicies.Unread) outcome).why();
        return new Sighting.Protection(ProtectionState.UNKNOWN, agent, null, "prevention policy "
                + text(prevention, "policy_id") + applied + ", but " + why + unreadable, List.of(evidence));
    }

    private static String platform(String platformName) {
        return switch (platformName.toLowerCase(Locale.ROOT)) {
            case "mac" -> "macos";
            case "windows" -> "windows";
            case "linux" -> "linux";
            default -> platformName.toLowerCase(Locale.ROOT);
        };
    }

    private void report(CallException e, String message) {
        sink.issue(new CollectionIssue(EndpointProvider.ID, options.account(), "", null, "falcon:" + e.operation(),
                KINDS, e.issueCause(), message));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("").strip() : "";
    }
}
