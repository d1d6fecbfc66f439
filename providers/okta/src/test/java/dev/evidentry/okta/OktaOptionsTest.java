package dev.evidentry.okta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.testkit.CollectionResult;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options are checked before any call: a bad one is one clear issue covering every kind. */
class OktaOptionsTest {

    private static CollectionIssue onlyIssue(Map<String, String> options, Map<String, String> environment) {
        CollectionResult result = new OktaHarness(environment).collect(options);
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).hasSize(1);
        CollectionIssue issue = result.issues().get(0);
        assertThat(issue.factKinds()).isEqualTo(OktaProvider.FACT_KINDS);
        return issue;
    }

    @Test
    void theOrgUrlIsRequired() {
        CollectionIssue issue = onlyIssue(Map.of("api-token", "00abcdefghijklmnop"), Map.of());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("org-url is required").contains("https://acme.okta.com");
    }

    @Test
    void theOrgUrlMustBeHttps() {
        CollectionIssue issue = onlyIssue(Map.of("org-url", "http://acme.okta.com", "api-token", "00abcdefghijkl"),
                Map.of());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("not an https URL");
    }

    @Test
    void theAdminConsoleUrlIsNotTheOrgUrl() {
        CollectionIssue issue = onlyIssue(Map.of("org-url", "https://acme-admin.okta.com", "api-token",
                "00abcdefghijkl"), Map.of());
        assertThat(issue.message()).contains("without -admin");
    }

    @Test
    void noCredentialsAtAllSaysWhatToSet() {
        CollectionIssue issue = onlyIssue(Map.of("org-url", "https://acme.okta.com"), Map.of());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.account()).isEqualTo("acme.okta.com");
        assertThat(issue.message()).contains("OKTA_API_TOKEN").contains("client-id").contains("private-key-file");
    }

    @Test
    void aServiceAppNeedsItsKeyFile() {
        CollectionIssue issue = onlyIssue(Map.of("org-url", "https://acme.okta.com", "client-id", "0oa1service"),
                Map.of());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("private-key-file");
    }

    @Test
    void aTokenAndAServiceAppExcludeEachOther() {
        Map<String, String> options = new HashMap<>(Map.of("org-url", "https://acme.okta.com", "api-token",
                "00abcdefghijkl", "client-id", "0oa1service", "private-key-file", "/etc/hostname"));
        assertThat(onlyIssue(options, Map.of()).message()).contains("exclude each other");
    }

    @Test
    void badNumbersAndDurationsAreNamed() {
        assertThat(onlyIssue(Map.of("org-url", "https://acme.okta.com", "api-token", "00abcdefghijkl",
                "max-attempts", "0"), Map.of()).message()).contains("max-attempts").contains("1 to 10");
        assertThat(onlyIssue(Map.of("org-url", "https://acme.okta.com", "api-token", "00abcdefghijkl",
                "request-timeout", "30s"), Map.of()).message()).contains("request-timeout").contains("PT30S");
        assertThat(onlyIssue(Map.of("org-url", "https://acme.okta.com", "api-token", "00abcdefghijkl",
                "ca-file", "/no/such/file.pem"), Map.of()).message()).contains("ca-file").contains("not a readable");
    }

    @Test
    void theTokenComesFromTheEnvironmentWhenNoOptionGivesIt() {
        OktaOptions options = OktaOptions.parse(key -> java.util.Optional.ofNullable(
                Map.of("org-url", "https://acme.okta.com/").get(key)), Map.of("OKTA_API_TOKEN", " 00fromEnv ")::get);
        assertThat(options.auth()).isEqualTo(new OktaOptions.ApiToken("00fromEnv", "environment variable OKTA_API_TOKEN"));
        assertThat(options.auth().toString()).doesNotContain("00fromEnv");
        assertThat(options.host()).isEqualTo("acme.okta.com");
        assertThat(options.maxAttempts()).isEqualTo(3);
        assertThat(options.pageSize()).isEqualTo(200);
    }
}
