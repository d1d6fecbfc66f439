package dev.evidentry.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evidentry.github.GithubOptions.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GithubOptionsTest {

    private static GithubOptions parse(Map<String, String> options, Map<String, String> environment) {
        return GithubOptions.parse(key -> Optional.ofNullable(options.get(key)), environment::get);
    }

    @Test
    void defaultsToGithubDotComAndTheEnvironmentsToken() {
        GithubOptions options = parse(Map.of("organizations", "acme, acme-labs ,acme"), Map.of("GITHUB_TOKEN", "t0k3n-x"));

        assertThat(options.apiUrl()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(options.organizations()).containsExactly("acme", "acme-labs");
        assertThat(options.credentials()).isEqualTo(new Credentials.Token("t0k3n-x"));
        assertThat(options.credentials().toString()).doesNotContain("t0k3n-x");
        assertThat(options.maxRateLimitWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.maxAttempts()).isEqualTo(3);
    }

    @Test
    void theTokenOptionWinsOverTheEnvironment() {
        GithubOptions options = parse(Map.of("organizations", "acme", "token", "from-option"),
                Map.of("GITHUB_TOKEN", "from-environment"));

        assertThat(options.credentials()).isEqualTo(new Credentials.Token("from-option"));
    }

    @Test
    void readsAGithubApp() {
        GithubOptions options = parse(Map.of("organizations", "acme", "app-id", "123", "installation-id", "456",
                "private-key-file", "/keys/app.pem", "api-url", "https://github.example.com/api/v3/"), Map.of());

        assertThat(options.credentials()).isEqualTo(new Credentials.App(123, java.nio.file.Path.of("/keys/app.pem"),
                456));
        assertThat(options.apiUrl()).isEqualTo(URI.create("https://github.example.com/api/v3"));
    }

    @Test
    void refusesWhatCannotBeUsed() {
        assertThatThrownBy(() -> parse(Map.of(), Map.of("GITHUB_TOKEN", "t")))
                .isInstanceOf(GithubOptions.InvalidOptionException.class).hasMessageContaining("organizations");
        assertThatThrownBy(() -> parse(Map.of("organizations", "not an org"), Map.of("GITHUB_TOKEN", "t")))
                .hasMessageContaining("'not an org'");
        assertThatThrownBy(() -> parse(Map.of("organizations", "acme", "api-url", "ftp://x"), Map.of("GITHUB_TOKEN", "t")))
                .hasMessageContaining("api-url");
        assertThatThrownBy(() -> parse(Map.of("organizations", "acme", "max-rate-limit-wait", "5 minutes"),
                Map.of("GITHUB_TOKEN", "t"))).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> parse(Map.of("organizations", "acme", "token", "t", "app-id", "1"), Map.of()))
                .isInstanceOf(GithubOptions.InvalidOptionException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> parse(Map.of("organizations", "acme", "app-id", "x", "installation-id", "1",
                "private-key-file", "k.pem"), Map.of())).hasMessageContaining("app-id");
    }

    @Test
    void noCredentialsSaysWhatToSet() {
        assertThatThrownBy(() -> parse(Map.of("organizations", "acme"), Map.of()))
                .isInstanceOf(GithubOptions.MissingCredentialsException.class)
                .hasMessageContaining("GITHUB_TOKEN").hasMessageContaining("private-key-file");
    }
}
