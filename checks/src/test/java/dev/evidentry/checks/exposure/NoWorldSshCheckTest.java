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
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoWorldSshCheckTest {

    private final NoWorldSshCheck check = new NoWorldSshCheck();

    @Test
    void aGroupWithoutRulesOpenToTheInternetPasses() {
        assertThat(evaluate(check, group("sg-01")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Security group sg-01 (web) in vpc-1 admits no SSH (tcp 22) from the"
                        + " internet."));
    }

    @Test
    void port22FromAnywhereFailsNamingTheRule() {
        assertThat(evaluate(check, group("sg-01", tcp(22, 22, IPV4), tcp(443, 443, IPV4))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Security group sg-01 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                        + " tcp 22 from 0.0.0.0/0."));
    }

    @Test
    void rangesThatContainPort22AndRulesForEveryPortOrProtocolCount() {
        assertThat(evaluate(check,
                group("sg-01", tcp(20, 25, IPV4)),
                group("sg-02", tcp(0, 65535, IPV4)),
                group("sg-03", allTraffic(IPV4)),
                group("sg-04", tcp(22, 22, IPV6)),
                group("sg-05", new WorldIngress("6", 22, 22, IPV4))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Security group sg-01 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                                + " tcp 20-25 from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-02 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                                + " tcp 0-65535 from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-03 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                                + " all traffic from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-04 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                                + " tcp 22 from ::/0."),
                        tuple(FAIL, "Security group sg-05 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                                + " tcp 22 from 0.0.0.0/0."));
    }

    @Test
    void udpIcmpAndTcpRangesBesidePort22DoNotCount() {
        assertThat(evaluate(check, group("sg-01", udp(22, 22, IPV4), icmpAll(IPV6), tcp(23, 1024, IPV4),
                tcp(0, 21, IPV6))))
                .extracting(Finding::outcome)
                .containsExactly(PASS);
    }

    @Test
    void everyOffendingRuleIsNamedAndOnlyThose() {
        assertThat(evaluate(check, group("sg-01", tcp(22, 22, IPV4), tcp(80, 80, IPV4), tcp(22, 22, IPV6))))
                .extracting(Finding::message)
                .containsExactly("Security group sg-01 (web) in vpc-1 admits SSH (tcp 22) from the internet:"
                        + " tcp 22 from 0.0.0.0/0; tcp 22 from ::/0.");
    }

    @Test
    void aGroupWhoseResourceIsNamedByItsGroupNameAndHasNoVpcIsNamedOnce() {
        ResourceRef classic = new ResourceRef("aws", "123456789012", "us-east-1", "aws.ec2.security-group",
                "arn:aws:ec2:us-east-1:123456789012:security-group/sg-09", "bastion");
        assertThat(evaluate(check, new AwsSecurityGroup(classic, "bastion", "", List.of(tcp(22, 22, IPV4)),
                List.of())))
                .extracting(Finding::message)
                .containsExactly("Security group bastion admits SSH (tcp 22) from the internet: tcp 22 from 0.0.0.0/0.");
    }
}
