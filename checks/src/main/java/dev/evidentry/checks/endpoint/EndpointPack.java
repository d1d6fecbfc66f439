package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/**
 * Whether the devices and servers people work on are protected against malicious software, encrypt their disks,
 * lock when left idle, run operating systems that still get security updates, install them, and still report to the
 * systems that watch them.
 */
public final class EndpointPack implements CheckPack {

    private final List<Check> checks = List.of(new EndpointProtectionActiveCheck(), new EndpointDiskEncryptedCheck(),
            new EndpointScreenLockCheck(), new EndpointReportedCheck(), new EndpointOsSupportedCheck(),
            new EndpointOsPatchedCheck());

    @Override
    public String id() {
        return "endpoint";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
