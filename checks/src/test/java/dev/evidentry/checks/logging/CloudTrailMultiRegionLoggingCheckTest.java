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
import dev.evidentry.spi.fact.aws.AwsCloudTrailAccount;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudTrailMultiRegionLoggingCheckTest {

    private static final String PROD = "111122223333";
    private static final String DEV = "444455556666";

    private final CloudTrailMultiRegionLoggingCheck check = new CloudTrailMultiRegionLoggingCheck();

    @Test
    void oneFindingPerAccountOnTheAccountRestingOnItsListingsAndTheEvidenceOfAllItsTrails() {
        AwsCloudTrailTrail app = trail(PROD, "eu-west-1", "app-trail", false, true, 'a');
        AwsCloudTrailTrail devAudit = trail(DEV, "us-east-1", "dev-audit", true, false, 'd');
        AwsCloudTrailTrail org = organizationTrail(PROD, "us-east-1", "org-audit", 'b');
        AwsCloudTrailTrail old = trail(PROD, "us-east-1", "old-audit", true, false, 'c');
        AwsCloudTrailTrail devApp = trail(DEV, "eu-west-1", "dev-app", false, true, 'e');
        assertThat(evaluate(check, app, devAudit, org, old, devApp,
                account(PROD, '1', app, org, old), account(DEV, '2', devAudit, devApp)))
                .extracting(Finding::resource, Finding::outcome, Finding::message, Finding::evidence)
                .containsExactly(
                        tuple(ResourceRef.forAccount("aws", PROD), PASS, "Account " + PROD + " records every region with"
                                + " CloudTrail: trail org-audit (organization trail) is multi-region and logging.",
                                evidenceOf("1abc")),
                        tuple(ResourceRef.forAccount("aws", DEV), FAIL, "Account " + DEV + " has no multi-region"
                                + " CloudTrail trail that is logging; its trails: dev-app is single-region (eu-west-1)"
                                + " and logging; dev-audit is multi-region and not logging.", evidenceOf("2de")));
    }

    @Test
    void anAccountWithNoTrailAtAllFailsOnItsListings() {
        assertThat(evaluate(check, account(PROD, '1')))
                .extracting(Finding::resource, Finding::outcome, Finding::message, Finding::evidence)
                .containsExactly(tuple(ResourceRef.forAccount("aws", PROD), FAIL, "Account " + PROD
                        + ": no CloudTrail trail records this account; no region in scope lists one.",
                        evidenceOf("1")));
    }

    @Test
    void everyTrailThatRecordsEveryRegionIsNamed() {
        AwsCloudTrailTrail audit = trail(PROD, "us-east-1", "audit", true, true, 'a');
        AwsCloudTrailTrail security = trail(PROD, "eu-west-1", "security", true, true, 'b');
        assertThat(evaluate(check, audit, security, account(PROD, '1', audit, security)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Account " + PROD + " records every region with CloudTrail: trails"
                        + " security, audit are multi-region and logging."));
    }

    @Test
    void aSingleRegionTrailAloneFails() {
        AwsCloudTrailTrail app = trail(PROD, "eu-west-1", "app-trail", false, true, 'a');
        assertThat(evaluate(check, app, account(PROD, '1', app)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Account " + PROD + " has no multi-region CloudTrail trail that is"
                        + " logging; its trails: app-trail is single-region (eu-west-1) and logging."));
    }

    @Test
    void anAccountWithoutItsAccountFactGetsNoFindingTheEnginesErrorStandsInstead() {
        // A region's listing failed: its issue names aws.cloudtrail.account, and the engine reports ERROR.
        assertThat(evaluate(check)).isEmpty();
        assertThat(evaluate(check, trail(PROD, "eu-west-1", "app-trail", false, true, 'a'),
                trail(PROD, "us-east-1", "audit", true, true, 'b'))).isEmpty();
        assertThat(check.descriptor().requiredFacts()).contains(AwsCloudTrailAccount.KIND);
    }

    @Test
    void aListedTrailWithoutItsFactsLeavesNoFindingUnlessAnotherTrailPasses() {
        AwsCloudTrailTrail app = trail(PROD, "eu-west-1", "app-trail", false, true, 'a');
        AwsCloudTrailTrail audit = trail(PROD, "us-east-1", "audit", true, true, 'b');
        AwsCloudTrailTrail unread = trail(PROD, "us-east-1", "unread", true, true, 'c');
        // The unread trail's status failed (an issue on that trail, ERROR from the engine): it might be the one.
        assertThat(evaluate(check, app, account(PROD, '1', app, unread))).isEmpty();
        assertThat(evaluate(check, app, audit, account(PROD, '1', app, audit, unread)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Account " + PROD + " records every region with CloudTrail: trail"
                        + " audit is multi-region and logging."));
    }

    private static AwsCloudTrailTrail trail(String account, String region, String name, boolean multiRegion,
            boolean logging, char evidence) {
        return new AwsCloudTrailTrail(Fixtures.trail(account, region, name), multiRegion, logging, true, "", false,
                evidence(evidence));
    }

    /** The account's fact, listing {@code trails}, on the listings named by {@code evidence}. */
    private static AwsCloudTrailAccount account(String account, char evidence, AwsCloudTrailTrail... trails) {
        return new AwsCloudTrailAccount(ResourceRef.forAccount("aws", account),
                Arrays.stream(trails).map(trail -> trail.resource().nativeId()).toList(), evidence(evidence));
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
