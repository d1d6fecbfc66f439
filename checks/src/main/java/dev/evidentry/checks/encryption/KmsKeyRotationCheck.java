package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsKmsKey;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Customer-managed KMS keys that can rotate automatically do. Keys KMS cannot rotate (asymmetric, HMAC, disabled,
 * pending deletion) are not applicable, with the reason.
 */
public final class KmsKeyRotationCheck implements Check {

    public static final String ID = "aws.kms.key-rotation";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Customer-managed KMS keys rotate automatically", Severity.MEDIUM, Set.of(AwsKmsKey.KIND),
            List.of("CC6.1"), CheckHelp.load(KmsKeyRotationCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsKmsKey.class).map(this::judge);
    }

    private Finding judge(AwsKmsKey key) {
        String name = "KMS key " + key.resource().name();
        if (key.rotatable()) {
            return key.rotationEnabled()
                    ? Finding.pass(descriptor, key, name + " rotates its key material automatically.")
                    : Finding.fail(descriptor, key, name + " does not rotate its key material automatically.");
        }
        return Finding.notApplicable(descriptor, key, name + " cannot rotate automatically: " + whyNot(key) + ".");
    }

    private static String whyNot(AwsKmsKey key) {
        if (key.keySpec().startsWith("HMAC_")) {
            return "it is an HMAC key (" + key.keySpec() + ")";
        }
        if (!key.keySpec().equals("SYMMETRIC_DEFAULT")) {
            return "it is an asymmetric key (" + key.keySpec() + ")";
        }
        return switch (key.keyState()) {
            case "Disabled" -> "it is disabled";
            case "PendingDeletion" -> "it is pending deletion";
            default -> "its state is " + key.keyState();
        };
    }
}
