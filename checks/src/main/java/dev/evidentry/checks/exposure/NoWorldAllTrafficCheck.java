package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * No security group opens everything to the internet: all protocols ({@code -1}), or every TCP or UDP port. Port 0 is
 * reserved, so a 1-65535 range counts as every port. ICMP and other protocols without ports are not "everything".
 */
public final class NoWorldAllTrafficCheck implements Check {

    public static final String ID = "aws.ec2.no-world-all-traffic";
    private static final Set<String> PORTED = Set.of("tcp", "udp", "6", "17");

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Security groups admit no unrestricted traffic from the internet", Severity.CRITICAL,
            Set.of(AwsSecurityGroup.KIND), List.of("CC6.1", "CC6.6"), CheckHelp.load(NoWorldAllTrafficCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsSecurityGroup.class).map(group -> InternetIngress.judge(descriptor, group,
                NoWorldAllTrafficCheck::unrestricted, "unrestricted traffic (all protocols, or every TCP or UDP port)"));
    }

    static boolean unrestricted(WorldIngress rule) {
        return rule.protocol().equals("-1")
                || (PORTED.contains(rule.protocol()) && rule.fromPort() <= 1 && rule.toPort() >= 65535);
    }
}
