package dev.evidentry.core.plugin;

import dev.evidentry.core.plugin.LoadedPlugins.LoadedCheckPack;
import dev.evidentry.core.plugin.LoadedPlugins.LoadedProvider;
import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckPack;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds providers and check packs with {@link ServiceLoader}: first on the scanner's own class path, then in each
 * sub-directory of the plugins directory, each in its own {@link PluginClassLoader}. A plugin that fails to load, throws
 * from its descriptor, or repeats an id is reported and skipped; the rest of the scan goes on.
 */
public final class PluginLoader {

    private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");
    private static final String CLASSPATH = "classpath";
    private static final int MAX_LOAD_ERRORS = 50;

    private final ClassLoader scannerLoader;

    public PluginLoader() {
        this(PluginLoader.class.getClassLoader());
    }

    public PluginLoader(ClassLoader scannerLoader) {
        this.scannerLoader = scannerLoader;
    }

    /** Loads from the class path and, when it exists, every directory under {@code pluginsDirectory}. */
    public LoadedPlugins load(Path pluginsDirectory) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(CLASSPATH, scannerLoader));
        if (pluginsDirectory != null && Files.isDirectory(pluginsDirectory)) {
            for (Path directory : subdirectories(pluginsDirectory)) {
                sources.add(new Source("plugins/" + directory.getFileName(),
                        new PluginClassLoader("evidentry-plugin-" + directory.getFileName(), jars(directory),
                                scannerLoader)));
            }
        }
        List<CollectionIssue> problems = new ArrayList<>();
        Map<String, LoadedProvider> providers = new HashMap<>();
        Map<String, LoadedCheckPack> packs = new HashMap<>();
        Map<String, String> checkOwners = new HashMap<>();
        for (Source source : sources) {
            for (Provider provider : instances(Provider.class, source, problems)) {
                addProvider(provider, source, providers, problems);
            }
            for (CheckPack pack : instances(CheckPack.class, source, problems)) {
                addPack(pack, source, packs, checkOwners, problems);
            }
        }
        return new LoadedPlugins(
                providers.values().stream().sorted(Comparator.comparing(LoadedProvider::id)).toList(),
                packs.values().stream().sorted(Comparator.comparing(LoadedCheckPack::id)).toList(),
                problems);
    }

    private static void addProvider(Provider provider, Source source, Map<String, LoadedProvider> providers,
            List<CollectionIssue> problems) {
        ProviderDescriptor descriptor;
        try {
            descriptor = provider.descriptor();
        } catch (RuntimeException | LinkageError e) {
            problems.add(problem(source, provider.getClass().getName() + " threw from descriptor(): " + e, Set.of()));
            return;
        }
        String id = descriptor == null ? null : descriptor.id();
        if (id == null || !PLUGIN_ID.matcher(id).matches()) {
            problems.add(problem(source, "provider " + provider.getClass().getName() + " has the id '" + id
                    + "'; an id is lower-case letters, digits and dashes, such as 'aws'", Set.of()));
            return;
        }
        LoadedProvider existing = providers.get(id);
        if (existing != null) {
            problems.add(problem(source, "provider id '" + id + "' is already taken by " + existing.location()
                    + "; the copy in " + source.location() + " was not loaded: remove one of them", Set.of()));
            return;
        }
        LOG.log(System.Logger.Level.INFO, "provider " + id + " " + descriptor.version() + " from " + source.location());
        providers.put(id, new LoadedProvider(provider, id, descriptor.version(), source.location()));
    }

    private static void addPack(CheckPack pack, Source source, Map<String, LoadedCheckPack> packs,
            Map<String, String> checkOwners, List<CollectionIssue> problems) {
        String id;
        List<Check> checks;
        try {
            id = pack.id();
            checks = pack.checks();
        } catch (RuntimeException | LinkageError e) {
            problems.add(problem(source, "check pack " + pack.getClass().getName() + " failed to load: " + e, Set.of()));
            return;
        }
        if (id == null || !PLUGIN_ID.matcher(id).matches()) {
            problems.add(problem(source, "check pack " + pack.getClass().getName() + " has the id '" + id
                    + "'; an id is lower-case letters, digits and dashes, such as 'identity'", Set.of()));
            return;
        }
        if (packs.containsKey(id)) {
            problems.add(problem(source, "check pack id '" + id + "' is already taken by "
                    + packs.get(id).location() + "; the copy in " + source.location() + " was not loaded", Set.of()));
            return;
        }
        List<Check> valid = new ArrayList<>();
        for (Check check : checks) {
            CheckDescriptor descriptor;
            try {
                descriptor = check.descriptor();
            } catch (RuntimeException | LinkageError e) {
                problems.add(problem(source, "a check of pack " + id + " threw from descriptor(): " + e, Set.of()));
                continue;
            }
            String owner = checkOwners.putIfAbsent(descriptor.id(), id);
            if (owner != null) {
                problems.add(problem(source, "check id '" + descriptor.id() + "' of pack " + id
                        + " is already defined by pack " + owner + "; it was not loaded", Set.of()));
                continue;
            }
            valid.add(check);
        }
        valid.sort(Comparator.comparing(check -> check.descriptor().id()));
        packs.put(id, new LoadedCheckPack(pack, id, valid, source.location()));
    }

    private static <T> List<T> instances(Class<T> service, Source source, List<CollectionIssue> problems) {
        List<T> found = new ArrayList<>();
        Iterator<T> iterator = ServiceLoader.load(service, source.loader()).iterator();
        // After an error the iterator moves on to the next provider; the bound guards against one that never does.
        for (int errors = 0; errors < MAX_LOAD_ERRORS; ) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                problems.add(problem(source, "a " + service.getSimpleName() + " could not be loaded: "
                        + e.getMessage(), Set.of()));
            }
        }
        return found;
    }

    private static CollectionIssue problem(Source source, String message, Set<String> kinds) {
        return new CollectionIssue("evidentry", "", "", null, "plugin:" + source.location(), kinds,
                IssueCause.PLUGIN_FAILURE, message);
    }

    private static List<Path> subdirectories(Path pluginsDirectory) {
        try (Stream<Path> entries = Files.list(pluginsDirectory)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins directory " + pluginsDirectory, e);
        }
    }

    private static URL[] jars(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .map(PluginLoader::toUrl)
                    .toArray(URL[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + directory, e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable jar path: " + jar, e);
        }
    }

    private record Source(String location, ClassLoader loader) {
    }
}
