package dev.evidentry.github;

import dev.evidentry.github.GithubOptions.Credentials;
import dev.evidentry.spi.CollectContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;

/**
 * Builds the provider's one github-api client: one transport, one credential, one rate-limit policy, for every
 * organisation and every call, the fields the library does not model included.
 *
 * <pre>
 * github-api client ── SecondaryLimitSignal ── RetryingConnector ── EvidenceConnector ── JdkHttpConnector ── GitHub
 *   RateLimitChecker, GitHubRateLimitHandler, GitHubAbuseLimitHandler: RateLimitPolicy
 * </pre>
 */
final class GithubClient {

    private GithubClient() {}

    static GitHub build(GithubOptions options, CollectContext context, Sleeper sleeper, RateLimitPolicy policy) {
        GitHubConnector transport = new JdkHttpConnector(options.requestTimeout(), options.maxConcurrentRequests());
        GitHubConnector connector = new SecondaryLimitSignal(new RetryingConnector(
                new EvidenceConnector(transport, context, options.apiUrl()), sleeper, options.maxAttempts()));
        try {
            return new GitHubBuilder()
                    .withEndpoint(options.apiUrl().toString())
                    .withConnector(connector)
                    .withAuthorizationProvider(authorization(options.credentials(), context))
                    .withRateLimitChecker(policy.checker())
                    .withRateLimitHandler(policy.primaryHandler())
                    .withAbuseLimitHandler(policy.secondaryHandler())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // build() sends nothing with these authorization providers
        }
    }

    private static AuthorizationProvider authorization(Credentials credentials, CollectContext context) {
        if (credentials instanceof Credentials.Token token) {
            context.registerSecret(token.value());
            String header = "Bearer " + token.value();
            // Not github-api's own token provider: that one asks GitHub for the user's login (GET /user) at build time.
            return () -> header;
        }
        Credentials.App app = (Credentials.App) credentials;
        AppJwt jwt = AppJwt.load(app.appId(), app.privateKeyFile(), context.clock(), context);
        // github-api's own installation flow, on the same client: GET /app, GET /app/installations/{id}, then
        // POST /app/installations/{id}/access_tokens, renewed five minutes before the token expires.
        return new AppInstallationAuthorizationProvider(gitHubApp -> gitHubApp.getInstallationById(app.installationId()),
                jwt);
    }
}
