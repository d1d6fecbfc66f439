package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointScreenLock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jamf Pro's macOS configuration profiles read through the Classic API
 * ({@code GET /JSSResource/osxconfigurationprofiles/id/{id}}, privilege Read macOS Configuration Profiles), each at
 * most once however many computers have it installed, as their screen-saver settings. A profile that cannot be read
 * is one issue for {@code endpoint.screen-lock}; after a 403 no other profile is asked for.
 */
final class JamfProfiles {

    static final String OPERATION = "findOsxConfigurationProfilesById";
    static final String PATH = "/JSSResource/osxconfigurationprofiles/id/";
    static final Set<String> KINDS = Set.of(EndpointScreenLock.KIND);

    /** What reading one profile gave. */
    sealed interface Outcome {
    }

    /** The profile as Jamf Pro holds it: its uuid (the installed profile's identifier) and its screen-saver keys. */
    record Read(String uuid, ScreenSaverSettings settings) implements Outcome {
    }

    /** Jamf Pro holds no profile of that id (a profile installed by another means, or deleted since). */
    record Missing(String why) implements Outcome {
    }

    /** The profile could not be read; an issue says why. */
    record Unread(String why) implements Outcome {
    }

    private final BearerApi api;
    private final FactSink sink;
    private final String account;
    private final Map<String, Outcome> byId = new HashMap<>();
    private String denied;

    JamfProfiles(BearerApi api, FactSink sink, String account) {
        this.api = api;
        this.sink = sink;
        this.account = account;
    }

    /** The profile of that Jamf Pro id, read on first use and remembered. */
    Outcome get(String id) {
        Outcome known = byId.get(id);
        if (known != null) {
            return known;
        }
        Outcome outcome = denied != null ? new Unread(denied) : read(id);
        byId.put(id, outcome);
        return outcome;
    }

    private Outcome read(String id) {
        BearerApi.Response response;
        try {
            response = api.get(OPERATION, PATH + id, List.of());
        } catch (BearerApi.StatusException e) {
            if (e.status() == 404) {
                return new Missing("Jamf Pro holds no macOS configuration profile " + id);
            }
            return failed(id, e);
        } catch (CallException e) {
            return failed(id, e);
        }
        JsonNode general = response.body().path("os_x_configuration_profile").path("general");
        JsonNode payloads = general.path("payloads");
        if (!general.isObject() || !payloads.isTextual()) {
            return malformed(id, "the answer has no os_x_configuration_profile.general.payloads (evidence "
                    + response.evidence() + ")");
        }
        String name = "profile \"" + general.path("name").asText("") + "\" (" + id + ")";
        try {
            Object plist = Plist.parse(payloads.asText());
            return new Read(general.path("uuid").asText("").strip(),
                    ScreenSaverSettings.of(name, plist, List.of(response.evidence())));
        } catch (Plist.MalformedPlistException e) {
            return malformed(id, "the payloads of " + name + " are not a property list: " + e.getMessage()
                    + " (evidence " + response.evidence() + ")");
        }
    }

    private Outcome failed(String id, CallException e) {
        if (e.issueCause() == IssueCause.ACCESS_DENIED) {
            denied = "Jamf Pro denied reading configuration profiles (" + e.getMessage() + ")";
            issue(e.operation(), e.issueCause(), e.getMessage() + "; give the API role the privilege Read macOS "
                    + "Configuration Profiles; no computer's screen lock could be read from its profiles");
            return new Unread(denied);
        }
        issue(e.operation(), e.issueCause(), e.getMessage() + "; the screen-lock settings of macOS configuration "
                + "profile " + id + " are missing");
        return new Unread("profile " + id + " could not be read (" + e.getMessage() + ")");
    }

    private Outcome malformed(String id, String message) {
        issue(OPERATION, IssueCause.MALFORMED_RESPONSE, message);
        return new Unread("profile " + id + " could not be read (" + message + ")");
    }

    private void issue(String operation, IssueCause cause, String message) {
        sink.issue(new CollectionIssue(EndpointProvider.ID, account, "", null, "jamf:" + operation, KINDS, cause,
                message));
    }
}
