package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.ProtectionState;
import java.util.List;

/**
 * A Mac's built-in malware protection as Jamf Pro's inventory {@code security} section reports it: Gatekeeper
 * ({@code gatekeeperStatus}), XProtect ({@code xprotectVersion}) and System Integrity Protection ({@code sipStatus}),
 * which keeps both from being tampered with. Jamf Pro reports no date for XProtect's definitions, so the signature age
 * stays unknown.
 *
 * <p>{@code ACTIVE}: Gatekeeper on ({@code APP_STORE_AND_IDENTIFIED_DEVELOPERS} or {@code APP_STORE}), an XProtect
 * version reported, SIP not {@code DISABLED}. {@code INACTIVE}: Gatekeeper {@code DISABLED}, or SIP {@code DISABLED}.
 * {@code UNKNOWN}: no security section, Gatekeeper {@code NOT_COLLECTED} or unreported, or no XProtect version.
 */
final class JamfSecurity {

    static final String AGENT = "XProtect";

    private JamfSecurity() {}

    static Sighting.Protection reading(JsonNode security, EvidenceId evidence) {
        if (!security.isObject()) {
            return new Sighting.Protection(ProtectionState.UNKNOWN, AGENT + " + Gatekeeper", null, "Jamf Pro "
                    + "reported no security section for this computer", List.of(evidence));
        }
        String gatekeeper = text(security, "gatekeeperStatus");
        String xprotect = text(security, "xprotectVersion");
        String sip = text(security, "sipStatus");
        String agent = AGENT + (xprotect.isEmpty() ? "" : " " + xprotect) + " + Gatekeeper";
        String said = "Gatekeeper " + (gatekeeper.isEmpty() ? "not reported" : gatekeeper) + ", XProtect "
                + (xprotect.isEmpty() ? "version not reported" : xprotect) + ", SIP "
                + (sip.isEmpty() ? "not reported" : sip);
        boolean gatekeeperOn = gatekeeper.equals("APP_STORE_AND_IDENTIFIED_DEVELOPERS")
                || gatekeeper.equals("APP_STORE");
        ProtectionState state;
        if (gatekeeper.equals("DISABLED") || sip.equals("DISABLED")) {
            state = ProtectionState.INACTIVE;
        } else if (gatekeeperOn && !xprotect.isEmpty()) {
            state = ProtectionState.ACTIVE;
        } else {
            state = ProtectionState.UNKNOWN;
        }
        return new Sighting.Protection(state, agent, null, said, List.of(evidence));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText("").strip() : "";
    }
}
