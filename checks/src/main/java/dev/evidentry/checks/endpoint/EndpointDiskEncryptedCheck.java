package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every endpoint, whatever source reports it, encrypts its system disk (FileVault, BitLocker, LUKS...). */
public final class EndpointDiskEncryptedCheck implements Check {

    public static final String ID = "endpoint.disk.encrypted";

    private final int maxReportAgeDays = LastReport.maxAgeDays();
    private final CheckDescriptor descriptor = new CheckDescriptor(ID, "Endpoints encrypt their system disk",
            Severity.HIGH, Set.of(EndpointDiskEncryption.KIND), List.of("CC6.1", "CC6.7"),
            CheckHelp.load(EndpointDiskEncryptedCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(EndpointDiskEncryption.class).map(disk -> judge(disk, now));
    }

    private Finding judge(EndpointDiskEncryption disk, Instant now) {
        String host = disk.hostname().isEmpty() ? disk.resource().name() : disk.hostname();
        String detail = disk.detail().isEmpty() ? "." : ": " + disk.detail() + ".";
        String caveat = LastReport.caveat(disk.lastReported(), now, maxReportAgeDays);
        return switch (disk.state()) {
            case ENCRYPTED -> Finding.pass(descriptor, disk, "Endpoint " + host + " encrypts its system disk"
                    + (disk.method().isEmpty() ? "" : " with " + disk.method()) + "." + caveat);
            case NOT_ENCRYPTED -> Finding.fail(descriptor, disk, "Endpoint " + host + " does not encrypt its system "
                    + "disk" + detail + caveat);
            case UNKNOWN -> Finding.error(descriptor, disk, "The disk encryption of endpoint " + host + " could not "
                    + "be seen" + detail + caveat);
        };
    }
}
