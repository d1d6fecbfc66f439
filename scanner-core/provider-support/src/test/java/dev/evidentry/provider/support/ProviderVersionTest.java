package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.provider.support.bare.Bare;
import dev.evidentry.provider.support.placeholder.Unfiltered;
import org.junit.jupiter.api.Test;

class ProviderVersionTest {

    @Test
    void readsTheVersionBesideTheClass() {
        assertThat(ProviderVersion.of(ProviderVersionTest.class)).isEqualTo("1.2.3-test");
    }

    @Test
    void anUnfilteredPlaceholderFallsBackToTheManifestThenUnknown() {
        // Test classes come from a directory: no manifest, so no Implementation-Version.
        assertThat(ProviderVersion.of(Unfiltered.class)).isEqualTo("unknown");
    }

    @Test
    void noPropertiesFallBackToTheManifestThenUnknown() {
        assertThat(ProviderVersion.of(Bare.class)).isEqualTo("unknown");
    }
}
