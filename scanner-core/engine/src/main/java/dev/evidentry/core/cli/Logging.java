package dev.evidentry.core.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Quiet by default (warnings only, for the scanner and for vendor SDKs logging through SLF4J), everything with
 * {@code --debug}. Configured before the first logger is created.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        Logger root = LogManager.getLogManager().getLogger("");
        Level level = debug ? Level.FINE : Level.WARNING;
        root.setLevel(level);
        for (var handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }
}
