package dev.evidentry.aws;

import dev.evidentry.provider.support.EndpointAgents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class AwsOptionsTest {

    private static AwsOptions parse(Map<String, String> options, Map<String, String> environment) {
        return AwsOptions.parse(key -> Optional.ofNullable(options.get(key)), environment::get);
    }

    @Test
    void defaults() {
        AwsOptions options = parse(Map.of(), Map.of());

        assertThat(options.profile()).isEmpty();
        assertThat(options.regions()).isEmpty();
        assertThat(options.endpoint()).isEmpty();
        assertThat(options.maxAttempts()).isEqualTo(5);
        assertThat(options.apiCallTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void readsEveryOption() {
        AwsOptions options = parse(Map.of("profile", "audit", "regions", "eu-west-1, us-east-1,eu-west-1",
                "endpoint-url", "http://127.0.0.1:5000", "max-attempts", "2", "api-call-timeout", "PT0.5S"), Map.of());

        assertThat(options.profile()).contains("audit");
        assertThat(options.regions()).containsExactly(Region.EU_WEST_1, Region.US_EAST_1);
        assertThat(options.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(options.maxAttempts()).isEqualTo(2);
        assertThat(options.apiCallTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.apiCallAttemptTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theEndpointComesFromTheEnvironmentUnlessTheOptionSaysOtherwise() {
        assertThat(parse(Map.of(), Map.of("AWS_ENDPOINT_URL", "http://localhost:4566")).endpoint())
                .contains(URI.create("http://localhost:4566"));
        assertThat(parse(Map.of("endpoint-url", "http://127.0.0.1:1"), Map.of("AWS_ENDPOINT_URL",
                "http://localhost:4566")).endpoint()).contains(URI.create("http://127.0.0.1:1"));
    }

    @Test
    void rejectsUnknownRegionsByName() {
        assertThatThrownBy(() -> parse(Map.of("regions", "us-east-1,mars-north-1,aws-global"), Map.of()))
                .isInstanceOf(AwsOptions.InvalidOptionException.class)
                .hasMessage("option regions: no such AWS region mars-north-1, aws-global; give region codes such as "
                        + "us-east-1,eu-west-1");
    }

    @Test
    void rejectsBadValuesNamingTheOption() {
        assertThatThrownBy(() -> parse(Map.of("max-attempts", "0"), Map.of())).hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> parse(Map.of("max-attempts", "many"), Map.of())).hasMessageContaining("many");
        assertThatThrownBy(() -> parse(Map.of("api-call-timeout", "30"), Map.of()))
                .hasMessageContaining("api-call-timeout").hasMessageContaining("PT30S");
        assertThatThrownBy(() -> parse(Map.of("api-call-timeout", "-PT1S"), Map.of()))
                .hasMessageContaining("api-call-timeout");
        assertThatThrownBy(() -> parse(Map.of("endpoint-url", "localhost:5000"), Map.of()))
                .hasMessageContaining("endpoint-url");
        assertThatThrownBy(() -> parse(Map.of("regions", " , "), Map.of())).hasMessageContaining("regions");
    }

    @Test
    void everyOptionIsDescribed() {
        assertThat(AwsOptions.DESCRIPTIONS).extracting(option -> option.key()).containsExactlyInAnyOrder(
                "profile", "regions", "endpoint-url", "max-attempts", "api-call-timeout", "endpoint-agents");
    }

    @Test
    void endpointAgentsDefaultToTheDocumentedListAndCanBeReplaced() {
        assertThat(parse(Map.of(), Map.of()).endpointAgents()).isEqualTo(EndpointAgents.DEFAULT);
        assertThat(EndpointAgents.DEFAULT.patterns()).contains("crowdstrike", "sentinelone", "mdatp", "clamav",
                "deep security", "sophos", "carbon black", "cortex xdr", "trellix", "mcafee", "bitdefender",
                "eset endpoint");

        EndpointAgents agents = parse(Map.of("endpoint-agents", " Falcon , acme-edr,,FALCON"), Map.of())
                .endpointAgents();

        assertThat(agents.patterns()).containsExactly("falcon", "acme-edr");
        assertThat(agents.matches("CrowdStrike Falcon Sensor")).isTrue();
        assertThat(agents.matches("ACME-EDR Agent 2.1")).isTrue();
        assertThat(agents.matches("clamav")).isFalse();
        assertThat(agents.matches(null)).isFalse();
    }

    @Test
    void theDefaultAgentsRecogniseTheProductsAsInventoryNamesThem() {
        EndpointAgents agents = EndpointAgents.DEFAULT;

        assertThat(List.of("CrowdStrike Windows Sensor", "falcon-sensor", "Sentinel Agent", "SentinelAgent", "mdatp",
                "Microsoft Defender for Endpoint", "clamav-daemon", "Trend Micro Deep Security Agent", "ds_agent",
                "Trend Micro Apex One Security Agent", "Sophos Endpoint Agent", "Carbon Black Cloud Sensor 64-bit",
                "cb-psc-sensor", "Cortex XDR 8.4.0.12345", "cortex-agent", "Trellix Endpoint Security Platform",
                "McAfee Agent", "Bitdefender Endpoint Security Tools", "ESET Server Security"))
                .allSatisfy(name -> assertThat(agents.matches(name)).as(name).isTrue());
        assertThat(List.of("amazon-ssm-agent", "openssl", "AWS Tools for Windows", "reset-utils", "preset-tools",
                "efs-utils")).noneSatisfy(name -> assertThat(agents.matches(name)).as(name).isTrue());
    }

    @Test
    void rejectsAgentListsThatWouldMatchAnything() {
        assertThatThrownBy(() -> parse(Map.of("endpoint-agents", "crowdstrike,av"), Map.of()))
                .isInstanceOf(AwsOptions.InvalidOptionException.class)
                .hasMessageContaining("endpoint-agents").hasMessageContaining("'av'");
        assertThatThrownBy(() -> parse(Map.of("endpoint-agents", " , "), Map.of()))
                .hasMessageContaining("endpoint-agents").hasMessageContaining("no agent");
    }
}
