package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.exposure.SecurityGroupRules.IPV4;
import static dev.evidentry.checks.exposure.SecurityGroupRules.IPV6;
import static dev.evidentry.checks.exposure.SecurityGroupRules.allTraffic;
import static dev.evidentry.checks.exposure.SecurityGroupRules.group;
import static dev.evidentry.checks.exposure.SecurityGroupRules.tcp;
import static dev.evidentry.checks.exposure.SecurityGroupRules.udp;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import org.junit.jupiter.api.Test;

class NoWorldRdpCheckTest {

    private final NoWorldRdpCheck check = new NoWorldRdpCheck();

    @Test
    void aGroupAdmittingOnlyOtherPortsPasses() {
        assertThat(evaluate(check, group("sg-01", tcp(22, 22, IPV4), tcp(443, 443, IPV6), udp(3389, 3389, IPV4))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Security group sg-01 (web) in vpc-1 admits no RDP (tcp 3389) from the"
                        + " internet."));
    }

    @Test
    void port3389FromAnywhereFailsNamingEveryRuleThatAdmitsIt() {
        assertThat(evaluate(check,
                group("sg-01", tcp(3389, 3389, IPV4)),
                group("sg-02", tcp(3000, 4000, IPV6), allTraffic(IPV4))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Security group sg-01 (web) in vpc-1 admits RDP (tcp 3389) from the internet:"
                                + " tcp 3389 from 0.0.0.0/0."),
                        tuple(FAIL, "Security group sg-02 (web) in vpc-1 admits RDP (tcp 3389) from the internet:"
                                + " tcp 3000-4000 from ::/0; all traffic from 0.0.0.0/0."));
    }
}
