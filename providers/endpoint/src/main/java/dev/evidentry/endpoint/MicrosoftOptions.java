package dev.evidentry.endpoint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Microsoft sources' options: one app registration in one tenant, whose client reads Intune through Graph and
 * Defender for Endpoint's own API, each with a token of its own audience.
 *
 * @param tenantId the Entra tenant, as an id or a verified domain
 * @param app the client id and secret, the sign-in host as base URL, timeouts and attempts
 * @param graph Graph's host and the same client, when Intune is read
 * @param defender Defender for Endpoint's API host and the same client, when Defender is read
 * @param caFile PEM certificates to trust instead of the JVM's trust store, when given
 * @param protectionConcurrency Windows devices whose protection state is read at once
 */
record MicrosoftOptions(String tenantId, ApiOptions app, Optional<ApiOptions> graph, Optional<ApiOptions> defender,
        Optional<Path> caFile, int protectionConcurrency) {

    static final String INTUNE = "intune";
    static final String DEFENDER = "defender";

    MicrosoftOptions {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(app, "app is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(defender, "defender is null");
        requireNonNull(caFile, "caFile is null");
    }

    /** MSAL's authority: the sign-in host and the tenant, ending in a slash. */
    String authority() {
        String host = app.baseUrl().toString();
        return (host.endsWith("/") ? host : host + "/") + tenantId + "/";
    }
}
