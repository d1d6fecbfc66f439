package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.securityGroup;

import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import java.util.List;

/** Security groups and their internet-facing rules, written as the tests of the exposure checks read them. */
final class SecurityGroupRules {

    static final String IPV4 = "0.0.0.0/0";
    static final String IPV6 = "::/0";

    private SecurityGroupRules() {
    }

    /** A group {@code id} named {@code web} in {@code vpc-1}. */
    static AwsSecurityGroup group(String id, WorldIngress... rules) {
        return new AwsSecurityGroup(securityGroup(id), "web", "vpc-1", List.of(rules), evidence('a'));
    }

    static WorldIngress tcp(int from, int to, String source) {
        return new WorldIngress("tcp", from, to, source);
    }

    static WorldIngress udp(int from, int to, String source) {
        return new WorldIngress("udp", from, to, source);
    }

    static WorldIngress allTraffic(String source) {
        return new WorldIngress("-1", -1, -1, source);
    }

    static WorldIngress icmpAll(String source) {
        return new WorldIngress("icmp", -1, -1, source);
    }
}
