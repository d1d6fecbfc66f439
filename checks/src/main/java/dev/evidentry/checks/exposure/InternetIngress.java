package dev.evidentry.checks.exposure;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Judging a security group's ingress rules open to the internet, and naming them as the EC2 console shows them. */
final class InternetIngress {

    /** IANA numbers of the protocols that EC2 also names. */
    private static final Map<String, String> PROTOCOLS = Map.of("1", "icmp", "6", "tcp", "17", "udp", "58", "icmpv6");

    private InternetIngress() {
    }

    /**
     * PASS when none of the group's rules open to the internet is {@code admitted}; otherwise FAIL, naming every rule
     * that is.
     *
     * @param traffic what the rule guards against, such as {@code SSH (tcp 22)}
     */
    static Finding judge(CheckDescriptor check, AwsSecurityGroup group, Predicate<WorldIngress> admitted,
            String traffic) {
        List<WorldIngress> rules = group.openToWorld().stream().filter(admitted).toList();
        String name = name(group);
        return rules.isEmpty()
                ? Finding.pass(check, group, name + " admits no " + traffic + " from the internet.")
                : Finding.fail(check, group, name + " admits " + traffic + " from the internet: "
                        + rules.stream().map(InternetIngress::describe).collect(Collectors.joining("; ")) + ".");
    }

    /** Such as {@code tcp 22 from 0.0.0.0/0}, {@code udp 1-65535 from ::/0} or {@code all traffic from ::/0}. */
    static String describe(WorldIngress rule) {
        String protocol = PROTOCOLS.getOrDefault(rule.protocol(), rule.protocol());
        String what;
        if (protocol.equals("-1")) {
            what = "all traffic";
        } else if (protocol.matches("[0-9]+")) {
            what = "protocol " + protocol;
        } else if (rule.fromPort() < 0) {
            what = protocol + " (all)";
        } else if (rule.fromPort() == rule.toPort()) {
            what = protocol + " " + rule.fromPort();
        } else {
            what = protocol + " " + rule.fromPort() + "-" + rule.toPort();
        }
        return what + " from " + rule.source();
    }

    /** The group by id and name, and its VPC: {@code Security group sg-0a1b (web) in vpc-9f8e}. */
    private static String name(AwsSecurityGroup group) {
        String id = group.resource().name();
        String name = id.isEmpty() || id.equals(group.groupName())
                ? group.groupName()
                : id + " (" + group.groupName() + ")";
        return "Security group " + name + (group.vpcId().isEmpty() ? "" : " in " + group.vpcId());
    }
}
