package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** Whether access and change leave a record. */
public final class LoggingPack implements CheckPack {

    private final List<Check> checks = List.of(new S3AccessLoggingCheck());

    @Override
    public String id() {
        return "logging";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
