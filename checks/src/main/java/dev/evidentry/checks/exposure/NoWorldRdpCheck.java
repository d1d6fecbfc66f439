package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Remote desktop (RDP, tcp 3389) is not open to the whole internet. */
public final class NoWorldRdpCheck implements Check {

    public static final String ID = "aws.ec2.no-world-rdp";
    static final int PORT = 3389;

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Security groups admit no RDP from the internet", Severity.HIGH, Set.of(AwsSecurityGroup.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(NoWorldRdpCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsSecurityGroup.class).map(group -> InternetIngress.judge(descriptor, group,
                rule -> rule.admitsTcp(PORT), "RDP (tcp " + PORT + ")"));
    }
}
