package dev.evidentry.core.cli;

import dev.evidentry.core.plugin.LoadedPlugins;
import dev.evidentry.core.plugin.PluginLoader;
import java.nio.file.Path;

/** Where the command line finds plugins: {@code --plugins}, else {@code <EVIDENTRY_HOME>/plugins}. */
final class Plugins {

    private Plugins() {
    }

    static LoadedPlugins load(Path explicit, EvidentryCli.Environment environment) {
        Path directory = explicit != null ? explicit
                : environment.home() == null ? null : environment.home().resolve("plugins");
        return new PluginLoader().load(directory);
    }
}
