package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.identity.OktaFacts.appPolicy;
import static dev.evidentry.checks.identity.OktaFacts.appRule;
import static dev.evidentry.checks.identity.OktaFacts.sessionPolicy;
import static dev.evidentry.checks.identity.OktaFacts.sessionRule;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaPeople;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class OktaMfaRequiredCheckTest {

    private final OktaMfaRequiredCheck check = new OktaMfaRequiredCheck();

    private static final OktaSignOnPolicy MFA_SESSIONS = sessionPolicy("Default Policy", "ACTIVE",
            sessionRule("Everyone", true, 30), sessionRule("Blocked", "ACTIVE", "DENY", false, 30,
                    OktaPeople.EVERYONE));
    private static final OktaAuthenticationPolicy TWO_FACTORS = appPolicy("Okta Dashboard",
            appRule("Catch-all Rule", "ASSURANCE", "2FA", false), appRule("Passwordless", "ASSURANCE", "1FA", true));
    private static final OktaAuthenticationPolicy PASSWORD_ONLY = appPolicy("Legacy intranet",
            appRule("Office", "ASSURANCE", "1FA", false, new OktaPeople(List.of(), List.of(), List.of("00gStaff"),
                    List.of())), appRule("Catch-all Rule", "ASSURANCE", "2FA", false));

    @Test
    void mfaAtSessionAndAppPasses() {
        assertThat(evaluate(check, MFA_SESSIONS, TWO_FACTORS)).extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Global session policy 'Default Policy' requires MFA in every rule that lets "
                                + "people in."),
                        tuple(PASS, "Authentication policy 'Okta Dashboard' requires two factors in every rule that "
                                + "lets people in."));
    }

    @Test
    void aSessionWithoutMfaPassesWhenEveryAppNeedsTwoFactors() {
        OktaSignOnPolicy open = sessionPolicy("Default Policy", "ACTIVE", sessionRule("Default Rule", false, 120));
        assertThat(evaluate(check, open, TWO_FACTORS)).extracting(Finding::outcome, Finding::message)
                .contains(tuple(PASS, "Global session policy 'Default Policy' starts sessions without MFA (rule "
                        + "'Default Rule' for everyone), but every authentication policy requires two factors."));
    }

    @Test
    void aPasswordOnlyPathFailsOnBothPoliciesNamingRulesAndPeople() {
        OktaSignOnPolicy open = sessionPolicy("Default Policy", "ACTIVE", sessionRule("Default Rule", false, 120));
        assertThat(evaluate(check, open, PASSWORD_ONLY)).extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Global session policy 'Default Policy' lets people start a session without MFA: "
                                + "rule 'Default Rule' for everyone; and not every authentication policy requires two "
                                + "factors."),
                        tuple(FAIL, "Authentication policy 'Legacy intranet' allows access with one factor, a password"
                                + " alone included: rule 'Office' for groups 00gStaff."));
    }

    @Test
    void oneFactorForAnAppPassesWhenEverySessionNeedsMfa() {
        assertThat(evaluate(check, MFA_SESSIONS, PASSWORD_ONLY)).extracting(Finding::outcome)
                .containsExactly(PASS, PASS);
    }

    @Test
    void exclusionsAreNamed() {
        OktaSignOnPolicy exempt = sessionPolicy("Default Policy", "ACTIVE", sessionRule("Contractors", "ACTIVE",
                "ALLOW", false, 30, new OktaPeople(List.of(), List.of("00uBoss"), List.of("00gContractors"),
                        List.of("00gAdmins"))));
        assertThat(evaluate(check, exempt, PASSWORD_ONLY).get(0).message()).contains("rule 'Contractors' for groups "
                + "00gContractors except groups 00gAdmins and users 00uBoss");
    }

    @Test
    void inactivePoliciesAreNotApplicable() {
        assertThat(evaluate(check, sessionPolicy("Old", "INACTIVE", sessionRule("Open", false, 500))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(NOT_APPLICABLE, "Global session policy 'Old' is inactive."));
    }

    @Test
    void anAuthenticationMethodChainCannotBeJudged() {
        OktaAuthenticationPolicy chain = appPolicy("Chained", appRule("Chain", "AUTH_METHOD_CHAIN", "", false));
        assertThat(evaluate(check, chain)).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "Authentication policy 'Chained' uses authentication method chains (rule"
                        + " 'Chain' for everyone), which this check cannot judge."));
    }
}
