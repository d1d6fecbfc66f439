package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointAgentsTest {

    @Test
    void theDefaultListRecognisesAgentsByTheirInstalledNamesIgnoringCase() {
        assertThat(EndpointAgents.DEFAULT.matches("CrowdStrike Windows Sensor")).isTrue();
        assertThat(EndpointAgents.DEFAULT.matches("falcon-sensor")).isTrue();
        assertThat(EndpointAgents.DEFAULT.matches("CLAMAV")).isTrue();
        assertThat(EndpointAgents.DEFAULT.matches("openssh-server")).isFalse();
        assertThat(EndpointAgents.DEFAULT.matches("")).isFalse();
        assertThat(EndpointAgents.DEFAULT.matches(null)).isFalse();
    }

    @Test
    void esetIsListedByProductSoResetAndPresetDoNotMatch() {
        assertThat(EndpointAgents.DEFAULT.matches("xkb-reset-tools")).isFalse();
        assertThat(EndpointAgents.DEFAULT.matches("preset-manager")).isFalse();
    }

    @Test
    void parsesAUserListTrimmedLowerCasedAndWithoutDuplicates() {
        EndpointAgents agents = EndpointAgents.parse(" Falcon , acme-edr,,FALCON");

        assertThat(agents.patterns()).containsExactly("falcon", "acme-edr");
        assertThat(agents.matches("Acme-EDR Agent 4.2")).isTrue();
    }

    @Test
    void refusesPatternsThatWouldMatchAlmostAnything() {
        assertThatThrownBy(() -> EndpointAgents.parse("av, crowdstrike"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'av'");
        assertThatThrownBy(() -> EndpointAgents.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no agent");
    }
}
