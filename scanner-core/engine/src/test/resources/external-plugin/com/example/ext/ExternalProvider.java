package com.example.ext;

import com.example.Shared;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A third-party provider, compiled against the SPI alone at test time. Its id comes from {@code plugin-id.txt} in its
 * own jar; its version is whatever {@link Shared#origin()} answers, so a test can see which copy of Shared it linked.
 */
public final class ExternalProvider implements Provider {

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(id(), "External", Shared.origin(), Set.of("identity.human"), Set.of(), Set.of());
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
    }

    private static String id() {
        try (InputStream in = ExternalProvider.class.getResourceAsStream("plugin-id.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
