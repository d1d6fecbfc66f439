package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import org.junit.jupiter.api.Test;

class MfaInteractiveUsersCheckTest {

    private final MfaInteractiveUsersCheck check = new MfaInteractiveUsersCheck();

    @Test
    void enforcedMfaPassesAndNamesTheStrongestMethod() {
        assertThat(evaluate(check, okta("ada", true, true, MfaState.ENFORCED, MfaMethod.SECURITY_KEY)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS,
                        "ada must use MFA at every sign-in; strongest method: security key (phishing-resistant)."));
    }

    @Test
    void enrolledMfaPassesAndSaysNoPolicyRequiresIt() {
        assertThat(evaluate(check, okta("bob", true, true, MfaState.ENROLLED, MfaMethod.AUTHENTICATOR_APP)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "bob has MFA enrolled, though no policy is known to require it;"
                        + " strongest method: authenticator app."));
    }

    @Test
    void noMfaFails() {
        assertThat(evaluate(check, okta("cy", true, true, MfaState.NONE, MfaMethod.NONE)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "cy signs in interactively without MFA."));
    }

    @Test
    void unknownMfaIsAnError() {
        assertThat(evaluate(check, okta("di", true, true, MfaState.UNKNOWN, MfaMethod.NONE)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "The MFA state of di could not be read."));
    }

    @Test
    void apiOnlyAndInactiveIdentitiesAreNotApplicable() {
        assertThat(evaluate(check,
                okta("svc-deploy", true, false, MfaState.NONE, MfaMethod.NONE),
                okta("leaver", false, true, MfaState.NONE, MfaMethod.NONE)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(NOT_APPLICABLE, "leaver is inactive and cannot sign in."),
                        tuple(NOT_APPLICABLE, "svc-deploy has no interactive sign-in (API access only)."));
    }

    @Test
    void judgesIdentitiesOfEveryProviderInResourceOrderOnTheirOwnEvidence() {
        HumanIdentity github = new HumanIdentity(ResourceRef.global("github", "acme", "github.member", "42", "octo"),
                "octo", true, true, MfaState.ENFORCED, MfaMethod.UNSPECIFIED, evidence('b'));
        HumanIdentity aws = new HumanIdentity(ResourceRef.global("aws", "123456789012", "aws.iam.user",
                "arn:aws:iam::123456789012:user/eve", "eve"), "eve", true, true, MfaState.NONE, MfaMethod.NONE,
                evidence('c'));

        assertThat(evaluate(check, github, aws))
                .extracting(finding -> finding.resource().provider(), Finding::outcome, Finding::evidence, Finding::checkId)
                .containsExactly(
                        tuple("aws", FAIL, evidence('c'), "identity.mfa.interactive-users"),
                        tuple("github", PASS, evidence('b'), "identity.mfa.interactive-users"));
    }

    private static HumanIdentity okta(String login, boolean active, boolean interactive, MfaState mfa, MfaMethod method) {
        ResourceRef ref = ResourceRef.global("okta", "acme.okta.com", "okta.user", "00u" + login, login);
        return new HumanIdentity(ref, login, active, interactive, mfa, method, evidence('a'));
    }
}
