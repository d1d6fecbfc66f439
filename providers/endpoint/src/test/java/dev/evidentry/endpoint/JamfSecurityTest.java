package dev.evidentry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.ProtectionState;
import org.junit.jupiter.api.Test;

/** Jamf Pro's security section as a Mac's built-in protection, as data. */
class JamfSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EvidenceId EVIDENCE = new EvidenceId("a".repeat(64));

    private static Sighting.Protection reading(String security) throws Exception {
        return JamfSecurity.reading(JSON.readTree(security), EVIDENCE);
    }

    @Test
    void appStoreOnlyGatekeeperWithXProtectIsActive() throws Exception {
        assertThat(reading("{\"gatekeeperStatus\": \"APP_STORE\", \"xprotectVersion\": \"5297\", "
                + "\"sipStatus\": \"ENABLED\"}").state()).isEqualTo(ProtectionState.ACTIVE);
    }

    @Test
    void systemIntegrityProtectionOffMakesItInactiveWhateverGatekeeperSays() throws Exception {
        Sighting.Protection protection = reading("{\"gatekeeperStatus\": \"APP_STORE_AND_IDENTIFIED_DEVELOPERS\", "
                + "\"xprotectVersion\": \"5297\", \"sipStatus\": \"DISABLED\"}");
        assertThat(protection.state()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(protection.detail()).endsWith("SIP DISABLED");
    }

    @Test
    void gatekeeperOnWithoutAnXProtectVersionOrNoSectionIsUnknown() throws Exception {
        assertThat(reading("{\"gatekeeperStatus\": \"APP_STORE\", \"xprotectVersion\": null, "
                + "\"sipStatus\": \"ENABLED\"}").state()).isEqualTo(ProtectionState.UNKNOWN);
        Sighting.Protection none = reading("null");
        assertThat(none.state()).isEqualTo(ProtectionState.UNKNOWN);
        assertThat(none.detail()).isEqualTo("Jamf Pro reported no security section for this computer");
    }
}
