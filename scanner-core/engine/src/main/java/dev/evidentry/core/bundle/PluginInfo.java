package dev.evidentry.core.bundle;

import static java.util.Objects.requireNonNull;

/**
 * A loaded plugin as the manifest records it.
 *
 * @param kind {@code provider} or {@code check-pack}
 * @param location {@code classpath}, or {@code plugins/<directory>} relative to the installation
 */
public record PluginInfo(String kind, String id, String version, String location) {
    public PluginInfo {
        requireNonNull(kind, "kind is null");
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(location, "location is null");
    }
}
