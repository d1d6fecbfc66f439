package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.exposure.SecurityGroupRules.IPV4;
import static dev.evidentry.checks.exposure.SecurityGroupRules.IPV6;
import static dev.evidentry.checks.exposure.SecurityGroupRules.allTraffic;
import static dev.evidentry.checks.exposure.SecurityGroupRules.group;
import static dev.evidentry.checks.exposure.SecurityGroupRules.icmpAll;
import static dev.evidentry.checks.exposure.SecurityGroupRules.tcp;
import static dev.evidentry.checks.exposure.SecurityGroupRules.udp;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import org.junit.jupiter.api.Test;

class NoWorldAllTrafficCheckTest {

    private static final String UNRESTRICTED = "unrestricted traffic (all protocols, or every TCP or UDP port)";

    private final NoWorldAllTrafficCheck check = new NoWorldAllTrafficCheck();

    @Test
    void narrowRulesPass() {
        assertThat(evaluate(check, group("sg-01", tcp(443, 443, IPV4), tcp(1024, 65535, IPV6), udp(53, 53, IPV4))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Security group sg-01 (web) in vpc-1 admits no " + UNRESTRICTED
                        + " from the internet."));
    }

    @Test
    void allProtocolsOrEveryPortFails() {
        assertThat(evaluate(check,
                group("sg-01", allTraffic(IPV4)),
                group("sg-02", tcp(0, 65535, IPV4)),
                group("sg-03", udp(0, 65535, IPV6)),
                group("sg-04", tcp(1, 65535, IPV4)),
                group("sg-05", allTraffic(IPV6), new WorldIngress("17", 0, 65535, IPV4), tcp(22, 22, IPV4))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Security group sg-01 (web) in vpc-1 admits " + UNRESTRICTED + " from the internet:"
                                + " all traffic from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-02 (web) in vpc-1 admits " + UNRESTRICTED + " from the internet:"
                                + " tcp 0-65535 from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-03 (web) in vpc-1 admits " + UNRESTRICTED + " from the internet:"
                                + " udp 0-65535 from ::/0."),
                        tuple(FAIL, "Security group sg-04 (web) in vpc-1 admits " + UNRESTRICTED + " from the internet:"
                                + " tcp 1-65535 from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-05 (web) in vpc-1 admits " + UNRESTRICTED + " from the internet:"
                                + " all traffic from ::/0; udp 0-65535 from 0.0.0.0/0."));
    }

    @Test
    void everyIcmpTypeOrAPortlessProtocolIsNotEverything() {
        assertThat(evaluate(check, group("sg-01", icmpAll(IPV4), new WorldIngress("icmpv6", -1, -1, IPV6),
                new WorldIngress("50", -1, -1, IPV4), tcp(2, 65535, IPV4))))
                .extracting(Finding::outcome)
                .containsExactly(PASS);
    }
}
