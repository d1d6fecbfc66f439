package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What a provider is and what it can produce.
 *
 * @param id stable lower-case identifier, such as {@code aws}; also the plugin directory name
 * @param displayName name shown to people, such as {@code Amazon Web Services}
 * @param version the provider's own version
 * @param factKinds every {@link Fact#kind()} the provider can emit
 * @param options the configuration keys the provider understands (for {@code --option key=value}), with help text
 * @param secretOptions the option keys whose values are secrets: never logged, redacted from every output
 */
public record ProviderDescriptor(
        String id,
        String displayName,
        String version,
        Set<String> factKinds,
        Set<ProviderOption> options,
        Set<String> secretOptions) {

    public ProviderDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(version, "version is null");
        factKinds = Set.copyOf(requireNonNull(factKinds, "factKinds is null"));
        options = Set.copyOf(requireNonNull(options, "options is null"));
        secretOptions = Set.copyOf(requireNonNull(secretOptions, "secretOptions is null"));
    }

    /** A configuration key a provider reads from {@link CollectContext#option(String)}. */
    public record ProviderOption(String key, String description) {
        public ProviderOption {
            requireNonNull(key, "key is null");
            requireNonNull(description, "description is null");
        }
    }
}
