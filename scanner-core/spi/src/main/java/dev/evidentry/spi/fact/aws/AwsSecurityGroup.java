package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A security group's ingress rules that admit the whole internet (0.0.0.0/0 or ::/0).
 *
 * @param groupName the group's name
 * @param vpcId the VPC it belongs to, or empty
 * @param openToWorld every rule admitting the internet; empty when none does
 */
public record AwsSecurityGroup(ResourceRef resource, String groupName, String vpcId, List<WorldIngress> openToWorld,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.ec2.security-group";

    public AwsSecurityGroup {
        requireNonNull(resource, "resource is null");
        requireNonNull(groupName, "groupName is null");
        requireNonNull(vpcId, "vpcId is null");
        openToWorld = List.copyOf(requireNonNull(openToWorld, "openToWorld is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One ingress rule open to the internet.
     *
     * @param protocol {@code tcp}, {@code udp}, {@code icmp}, ... or {@code -1} for all traffic
     * @param fromPort first port, or -1 when the protocol has none (all traffic)
     * @param toPort last port, or -1 when the protocol has none
     * @param source {@code 0.0.0.0/0} or {@code ::/0}
     */
    public record WorldIngress(String protocol, int fromPort, int toPort, String source) {
        public WorldIngress {
            requireNonNull(protocol, "protocol is null");
            requireNonNull(source, "source is null");
        }

        /** Whether this rule admits every protocol, or every TCP or UDP port. */
        public boolean allTraffic() {
            boolean tcpOrUdp = protocol.equals("tcp") || protocol.equals("6") || protocol.equals("udp")
                    || protocol.equals("17");
            return protocol.equals("-1") || (tcpOrUdp && fromPort <= 1 && toPort >= 65535);
        }

        /** Whether this rule admits TCP traffic to {@code port}. */
        public boolean admitsTcp(int port) {
            if (protocol.equals("-1")) {
                return true;
            }
            return (protocol.equals("tcp") || protocol.equals("6")) && fromPort <= port && port <= toPort;
        }
    }
}
