package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** No RDS instance has an endpoint that resolves to a public address, leaving its security groups as the only guard. */
public final class RdsNotPublicCheck implements Check {

    public static final String ID = "aws.rds.not-public";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "RDS instances are not publicly accessible", Severity.CRITICAL, Set.of(AwsRdsInstance.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(RdsNotPublicCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsRdsInstance.class).map(this::judge);
    }

    private Finding judge(AwsRdsInstance instance) {
        String name = "RDS instance " + instance.resource().name()
                + (instance.engine().isEmpty() ? "" : " (" + instance.engine() + ")");
        return instance.publiclyAccessible()
                ? Finding.fail(descriptor, instance, name + " is publicly accessible: its endpoint resolves to a public"
                        + " IP address, so only its security groups keep the internet out.")
                : Finding.pass(descriptor, instance, name + " is not publicly accessible.");
    }
}
