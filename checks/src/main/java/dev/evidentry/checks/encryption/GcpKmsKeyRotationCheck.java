package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.gcp.GcpKmsKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every Cloud KMS symmetric encryption key rotates automatically at least every 90 days. */
public final class GcpKmsKeyRotationCheck implements Check {

    public static final String ID = "gcp.kms.key-rotation";
    static final Duration MAX_PERIOD = Duration.ofDays(90);

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Cloud KMS keys rotate at least every 90 days", Severity.MEDIUM, Set.of(GcpKmsKey.KIND),
            List.of("CC6.1"), CheckHelp.load(GcpKmsKeyRotationCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GcpKmsKey.class).map(this::judge);
    }

    private Finding judge(GcpKmsKey key) {
        String name = "Cloud KMS key " + key.resource().name();
        if (!key.rotatable()) {
            return Finding.notApplicable(descriptor, key, name + " cannot rotate automatically: its purpose is "
                    + key.purpose() + ".");
        }
        if (key.rotationPeriodIfSet().isEmpty()) {
            return Finding.fail(descriptor, key, name + " has no rotation period: it never rotates automatically.");
        }
        long days = key.rotationPeriod().toDays();
        return key.rotationPeriod().compareTo(MAX_PERIOD) <= 0
                ? Finding.pass(descriptor, key, name + " rotates every " + days + " days.")
                : Finding.fail(descriptor, key, name + " rotates every " + days + " days, more than 90.");
    }
}
