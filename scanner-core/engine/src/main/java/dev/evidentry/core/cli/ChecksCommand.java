package dev.evidentry.core.cli;

import dev.evidentry.core.plugin.LoadedPlugins;
import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evidentry checks}: the catalogue of installed checks. */
@Command(name = "checks", mixinStandardHelpOptions = true,
        description = "List every installed check: id, severity, SOC 2 criteria and title.")
final class ChecksCommand implements Callable<Integer> {

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugin directory (default: EVIDENTRY_HOME/plugins).")
    Path pluginsDirectory;

    @Option(names = "--details", description = "Also print each check's risk and remediation.")
    boolean details;

    private final EvidentryCli.Environment environment;

    ChecksCommand(EvidentryCli.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LoadedPlugins plugins = Plugins.load(pluginsDirectory, environment);
        PrintStream out = environment.out();
        out.printf("%-40s %-9s %-22s %s%n", "ID", "SEVERITY", "SOC 2", "TITLE");
        for (Check check : plugins.checks().stream()
                .sorted(Comparator.comparing(check -> check.descriptor().id())).toList()) {
            CheckDescriptor descriptor = check.descriptor();
            out.printf("%-40s %-9s %-22s %s%n", descriptor.id(), descriptor.severity(),
                    String.join(",", descriptor.criteria()), descriptor.title());
            if (details) {
                out.println("    Risk: " + descriptor.help().risk().replace("\n", "\n    "));
                out.println("    Remediation: " + descriptor.help().remediation().replace("\n", "\n    "));
                out.println();
            }
        }
        plugins.problems().forEach(problem -> environment.err().println("evidentry: " + problem.message()));
        return plugins.problems().isEmpty() ? 0 : 3;
    }
}
