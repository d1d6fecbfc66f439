package dev.evidentry.core.plugin;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Provider;
import java.util.List;

/**
 * The providers and check packs found, sorted by id, and what went wrong finding them.
 *
 * @param problems plugins that failed to load or were rejected; reported as collection issues of the scan
 */
public record LoadedPlugins(List<LoadedProvider> providers, List<LoadedCheckPack> checkPacks,
        List<CollectionIssue> problems) {

    public LoadedPlugins {
        providers = List.copyOf(requireNonNull(providers, "providers is null"));
        checkPacks = List.copyOf(requireNonNull(checkPacks, "checkPacks is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    public List<Check> checks() {
        return checkPacks.stream().flatMap(pack -> pack.checks().stream()).toList();
    }

    /** A provider and where it was found: {@code classpath} or {@code plugins/<directory>}. */
    public record LoadedProvider(Provider provider, String id, String version, String location) {
    }

    /** A check pack, its valid checks, and where it was found. */
    public record LoadedCheckPack(CheckPack pack, String id, List<Check> checks, String location) {
        public LoadedCheckPack {
            checks = List.copyOf(checks);
        }
    }
}
