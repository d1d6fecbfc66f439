package dev.evidentry.gcp;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.evidentry.core.collect.BoundedExecutor;
import dev.evidentry.core.collect.Collector;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link GcpProvider} with the engine's real collection (bounded pool, redacting evidence store), as
 * {@link ProviderTestKit} does, but with a provider built here: test credentials whose token refreshes, and a sleeper
 * that records the backoff instead of waiting.
 */
final class GcpHarness {

    /** Long enough for the engine to register it as a secret; never sent to Google. */
    static final String TOKEN = "ya29.evidentry-test-access-token-0123456789abcdef";

    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    private final CredentialSource credentials;

    GcpHarness() {
        this.credentials = () -> new RefreshingCredentials(refreshes);
    }

    GcpHarness(CredentialSource credentials) {
        this.credentials = credentials;
    }

    GcpProvider provider() {
        return new GcpProvider(credentials, sleeps::add, NetHttpTransport::new);
    }

    CollectionResult collect(Map<String, String> options) {
        Path directory;
        try {
            directory = Files.createTempDirectory("evidentry-gcp-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretRedactor redactor = new SecretRedactor();
        EvidenceStore evidence = new EvidenceStore(directory, redactor, ProviderTestKit.FIXED_CLOCK);
        FactStore store = new FactStore(ProviderTestKit.FIXED_CLOCK);
        try (BoundedExecutor executor = new BoundedExecutor(4)) {
            new Collector(ProviderTestKit.FIXED_CLOCK, evidence, redactor, executor, ProgressListener.NONE)
                    .collect(List.of(provider()), Map.of(GcpProvider.ID, options), store);
        }
        store.freeze();
        return new CollectionResult(store.all().toList(), store.issues(), directory);
    }

    /** Credentials with a fixed token that can be refreshed (to a token with a counter). */
    static final class RefreshingCredentials extends GoogleCredentials {
        private static final long serialVersionUID = 1L;
        private final transient AtomicInteger refreshes;

        RefreshingCredentials(AtomicInteger refreshes) {
            super(new AccessToken(TOKEN, java.util.Date.from(Instant.parse("2099-01-01T00:00:00Z"))));
            this.refreshes = refreshes;
        }

        @Override
        public AccessToken refreshAccessToken() {
            int n = refreshes.incrementAndGet();
            return new AccessToken(TOKEN + "-refreshed-" + n, java.util.Date.from(Instant.parse("2099-01-01T00:00:00Z")));
        }

        @Override
        public GoogleCredentials createScoped(java.util.Collection<String> scopes) {
            return this;
        }
    }
}
