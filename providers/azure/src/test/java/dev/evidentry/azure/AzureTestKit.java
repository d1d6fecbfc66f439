package dev.evidentry.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.evidentry.core.collect.BoundedExecutor;
import dev.evidentry.core.collect.Collector;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.spi.Provider;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Runs an {@link AzureProvider} built with a test credential through the engine's real collection (bounded pool,
 * redacting evidence store), as {@link ProviderTestKit} does for the provider ServiceLoader finds. Production uses
 * DefaultAzureCredential; only the token's source differs here.
 */
final class AzureTestKit {

    /** The token the test credential hands out: a JWT whose {@code tid} is the fake tenant. */
    static final String TOKEN = jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + jwt("{\"aud\":"
            + "\"https://management.azure.com\",\"tid\":\"" + FakeAzure.TENANT + "\",\"oid\":\"app\"}")
            + ".c2VjcmV0LXNpZ25hdHVyZS1ub3QtZm9yLWV2aWRlbmNl";

    static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();

    private AzureTestKit() {}

    static TokenCredential credential() {
        return request -> {
            TOKENS_ISSUED.incrementAndGet();
            return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        };
    }

    static AzureProvider provider() {
        return new AzureProvider((options, client) -> credential(), Map.of());
    }

    static CollectionResult collect(Provider provider, Map<String, String> options) {
        Path directory;
        try {
            directory = Files.createTempDirectory("evidentry-azure-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretRedactor redactor = new SecretRedactor();
        EvidenceStore evidence = new EvidenceStore(directory, redactor, ProviderTestKit.FIXED_CLOCK);
        FactStore store = new FactStore(ProviderTestKit.FIXED_CLOCK);
        try (BoundedExecutor executor = new BoundedExecutor(8)) {
            new Collector(ProviderTestKit.FIXED_CLOCK, evidence, redactor, executor, ProgressListener.NONE)
                    .collect(List.of(provider), Map.of(provider.descriptor().id(), options), store);
        }
        store.freeze();
        return new CollectionResult(store.all().toList(), store.issues(), directory);
    }

    private static String jwt(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
