package dev.evidentry.checks.logging;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.checks.Fixtures;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailMultiRegionLoggingCheckTest {

    private static final String PROD = "111122223333";
    private static final String DEV = "444455556666";

    private final CloudTrailMultiRegionLoggingCheck check = new CloudTrailMultiRegionLoggingCheck();

    @Test
    void oneFindingPerAccountOnTheAccountRestingOnTheEvidenceOfAllItsTrails() {
        assertThat(evaluate(check,
                trail(PROD, "eu-west-1", "app-trail", false, true, 'a'),
                trail(DEV, "us-east-1", "dev-audit", true, false, 'd'),
                organizationTrail(PROD, "us-east-1", "org-audit", 'b'),
                trail(PROD, "us-east-1", "old-audit", true, false, 'c'),
                trail(DEV, "eu-west-1", "dev-app", false, true, 'e')))
                .extracting(Finding::resource, Finding::outcome, Finding::message, Finding::evidence)
                .containsExactly(
                        tuple(ResourceRef.forAccount("aws", PROD), PASS, "Account " + PROD + " records every region with"
                                + " CloudTrail: trail org-audit (organization trail) is multi-region and logging.",
                                evidenceOf("abc")),
                        tuple(ResourceRef.forAccount("aws", DEV), FAIL, "Account " + DEV + " has no multi-region"
                                + " CloudTrail trail that is logging; its trails: dev-app is single-region (eu-west-1)"
                                + " and logging; dev-audit is multi-region and not logging.", evidenceOf("de")));
    }

    @Test
    void everyTrailThatRecordsEveryRegionIsNamed() {
        assertThat(evaluate(check,
                trail(PROD, "us-east-1", "audit", true, true, 'a'),
                trail(PROD, "eu-west-1", "security", true, true, 'b')))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Account " + PROD + " records every region with CloudTrail: trails"
                        + " security, audit are multi-region and logging."));
    }

    @Test
    void aSingleRegionTrailAloneFails() {
        assertThat(evaluate(check, trail(PROD, "eu-west-1", "app-trail", false, true, 'a')))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Account " + PROD + " has no multi-region CloudTrail trail that is"
                        + " logging; its trails: app-trail is single-region (eu-west-1) and logging."));
    }

    @Test
    void anAccountWithoutTrailFactsGetsNoFinding() {
        assertThat(evaluate(check)).isEmpty();
    }

    private static AwsCloudTrailTrail trail(String account, String region, String name, boolean multiRegion,
            boolean logging, char evidence) {
        return new AwsCloudTrailTrail(Fixtures.trail(account, region, name), multiRegion, logging, true, "", false,
                evidence(evidence));
    }

    private static AwsCloudTrailTrail organizationTrail(String account, String region, String name, char evidence) {
        return new AwsCloudTrailTrail(Fixtures.trail(account, region, name), true, true, true, "", true,
                evidence(evidence));
    }

    /** The evidence named by each of {@code digits}, in order. */
    private static List<EvidenceId> evidenceOf(String digits) {
        return digits.chars().mapToObj(digit -> evidence((char) digit)).flatMap(List::stream).toList();
    }
}
