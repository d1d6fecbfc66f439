package dev.evidentry.checks.endpoint;

import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointProtectionActiveCheckTest {

    private static final String DEFENDER = "Microsoft Defender Antivirus";

    private final EndpointProtectionActiveCheck check = new EndpointProtectionActiveCheck();

    @Test
    void anActiveAgentPassesNamingItAndItsSignatureAgeWhenKnown() {
        assertThat(evaluate(check,
                endpoint("a-web-1", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(2), ""),
                endpoint("b-web-2", "CrowdStrike Falcon", ProtectionState.ACTIVE, null, ""),
                endpoint("c-laptop", DEFENDER, ProtectionState.ACTIVE, Duration.ofHours(5), ""),
                endpoint("d-laptop", DEFENDER, ProtectionState.ACTIVE, Duration.ofMinutes(20), ""),
                endpoint("e-laptop", DEFENDER, ProtectionState.ACTIVE, Duration.ofHours(25), "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-web-1 is protected by " + DEFENDER + "; its signatures are 2 days old."),
                        tuple(PASS, "Endpoint b-web-2 is protected by CrowdStrike Falcon."),
                        tuple(PASS, "Endpoint c-laptop is protected by " + DEFENDER + "; its signatures are 5 hours old."),
                        tuple(PASS, "Endpoint d-laptop is protected by " + DEFENDER + "; its signatures are less than an"
                                + " hour old."),
                        tuple(PASS, "Endpoint e-laptop is protected by " + DEFENDER + "; its signatures are 1 day old."));
    }

    @Test
    void signaturesMoreThanSevenFullDaysOldFail() {
        assertThat(evaluate(check,
                endpoint("a-web-1", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(7).plusHours(23), ""),
                endpoint("b-web-2", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(8), ""),
                endpoint("c-web-3", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(40), "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-web-1 is protected by " + DEFENDER + "; its signatures are 7 days old."),
                        tuple(FAIL, "Endpoint b-web-2 is protected by " + DEFENDER + ", but its signatures are 8 days"
                                + " old (limit 7 days)."),
                        tuple(FAIL, "Endpoint c-web-3 is protected by " + DEFENDER + ", but its signatures are 40 days"
                                + " old (limit 7 days)."));
    }

    @Test
    void anInstalledAgentThatDoesNotProtectFailsWithWhatTheSourceSaid() {
        assertThat(evaluate(check,
                endpoint("a-web-1", DEFENDER, ProtectionState.INACTIVE, Duration.ofDays(1), "passive mode"),
                endpoint("b-web-2", "", ProtectionState.INACTIVE, null, "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Endpoint a-web-1 has " + DEFENDER + " installed, but it is not protecting the"
                                + " device: passive mode."),
                        tuple(FAIL, "Endpoint b-web-2 has an unnamed agent installed, but it is not protecting the"
                                + " device."));
    }

    @Test
    void anEndpointWithoutAnAgentFails() {
        assertThat(evaluate(check,
                endpoint("a-build-1", "", ProtectionState.ABSENT, null, ""),
                endpoint("b-build-2", "", ProtectionState.ABSENT, null, "no antivirus in the SSM inventory")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Endpoint a-build-1 has no known antivirus/EDR agent."),
                        tuple(FAIL, "Endpoint b-build-2 has no known antivirus/EDR agent: no antivirus in the SSM"
                                + " inventory."));
    }

    @Test
    void protectionThatCannotBeSeenIsAnErrorQuotingTheSource() {
        assertThat(evaluate(check,
                endpoint("a-db-1", "", ProtectionState.UNKNOWN, null, "not managed by SSM: we cannot see it"),
                endpoint("b-db-2", "", ProtectionState.UNKNOWN, null, "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(ERROR, "The protection of endpoint a-db-1 could not be seen: not managed by SSM: we cannot"
                                + " see it."),
                        tuple(ERROR, "The protection of endpoint b-db-2 could not be seen."));
    }

    @Test
    void endpointsFromEverySourceAreJudgedAlikeInResourceOrderWithTheirOwnEvidence() {
        ResourceRef server = new ResourceRef("aws", "123456789012", "eu-west-1", "aws.ec2.instance",
                "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc", "i-0abc");
        ResourceRef laptop = ResourceRef.global("jamf", "acme", "jamf.computer", "42", "mac-ann");
        assertThat(evaluate(check,
                new EndpointProtection(laptop, "mac-ann", "C02XK0AAJG5H", "", ProtectionState.ABSENT, null, daysAgo(1),
                        "", evidence('b')),
                new EndpointProtection(server, "ip-10-0-1-5", "", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(1),
                        daysAgo(0), "", evidence('a'))))
                .extracting(finding -> finding.resource().provider(), Finding::outcome, Finding::message,
                        Finding::evidence)
                .containsExactly(
                        tuple("aws", PASS, "Endpoint ip-10-0-1-5 is protected by " + DEFENDER + "; its signatures are 1"
                                + " day old.", evidence('a')),
                        tuple("jamf", FAIL, "Endpoint mac-ann has no known antivirus/EDR agent.", evidence('b')));
    }

    @Test
    void theSignatureAgeLimitIsConfigurable() {
        assertThat(evaluate(new EndpointProtectionActiveCheck(2),
                endpoint("a-web-1", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(3), "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Endpoint a-web-1 is protected by " + DEFENDER + ", but its signatures are"
                        + " 3 days old (limit 2 days)."));
    }

    @Test
    void aStaleDeviceIsJudgedOnItsLastReportAndSaysHowOldItIs() {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN1", "old-mac");
        assertThat(evaluate(check,
                new EndpointProtection(device, "old-mac", "SN1", "SentinelOne", ProtectionState.ACTIVE, null,
                        daysAgo(22), "", evidence('a')),
                endpoint("b-laptop", DEFENDER, ProtectionState.ACTIVE, Duration.ofDays(9), "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint old-mac is protected by SentinelOne. This is as of its last report, 22"
                                + " days ago."),
                        tuple(FAIL, "Endpoint b-laptop is protected by " + DEFENDER + ", but its signatures are 9 days"
                                + " old (limit 7 days)."));
    }

    @Test
    void anEndpointWithoutAHostNameIsNamedByItsResource() {
        ResourceRef instance = new ResourceRef("aws", "123456789012", "eu-west-1", "aws.ec2.instance",
                "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc", "i-0abc");
        assertThat(evaluate(check, new EndpointProtection(instance, "", "", DEFENDER, ProtectionState.ACTIVE, null,
                daysAgo(1), "", evidence('a'))))
                .extracting(Finding::message)
                .containsExactly("Endpoint i-0abc is protected by " + DEFENDER + ".");
    }

    private static EndpointProtection endpoint(String host, String agent, ProtectionState protection,
            Duration signatureAge, String detail) {
        ResourceRef device = ResourceRef.global("intune", "tenant-1", "intune.device", "device-" + host, host);
        return new EndpointProtection(device, host, "SN-" + host, agent, protection, signatureAge, daysAgo(0), detail,
                evidence('a'));
    }
}
