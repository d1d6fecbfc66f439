package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.identity.OktaFacts.admin;
import static dev.evidentry.checks.identity.OktaFacts.factor;
import static dev.evidentry.checks.identity.OktaFacts.pending;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.MfaMethod;
import org.junit.jupiter.api.Test;

class OktaAdminStrongFactorCheckTest {

    private final OktaAdminStrongFactorCheck check = new OktaAdminStrongFactorCheck();

    @Test
    void aSecurityKeyPassesAsPhishingResistant() {
        assertThat(evaluate(check, admin("alice", "ACTIVE", factor("sms", MfaMethod.SMS_OR_VOICE),
                factor("webauthn", MfaMethod.SECURITY_KEY)))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Admin alice (Super Administrator) has a phishing-resistant factor."));
    }

    @Test
    void anAuthenticatorAppPassesButIsNotCalledPhishingResistant() {
        assertThat(evaluate(check, admin("dave", "ACTIVE", factor("push", MfaMethod.AUTHENTICATOR_APP))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Admin dave (Super Administrator) has an authenticator app, stronger "
                        + "than SMS though not phishing-resistant."));
    }

    @Test
    void smsAloneFails() {
        assertThat(evaluate(check, admin("bob", "ACTIVE", factor("sms", MfaMethod.SMS_OR_VOICE),
                pending("webauthn", MfaMethod.SECURITY_KEY)))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Admin bob (Super Administrator) can prove it is them only by SMS or voice"
                        + " call, which can be intercepted or redirected."));
    }

    @Test
    void noFactorFails() {
        assertThat(evaluate(check, admin("carol", "PASSWORD_EXPIRED", factor("question", MfaMethod.NONE))))
                .extracting(Finding::outcome).containsExactly(FAIL);
    }

    @Test
    void aSuspendedAdminIsNotApplicable() {
        assertThat(evaluate(check, admin("erin", "SUSPENDED"))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(NOT_APPLICABLE, "Admin erin (Super Administrator) is SUSPENDED and cannot sign "
                        + "in."));
    }

    @Test
    void onlyFactorsOfUnknownKindAreAnError() {
        assertThat(evaluate(check, admin("frank", "ACTIVE", factor("web", MfaMethod.UNSPECIFIED))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "Admin frank (Super Administrator) has only factors whose kind Okta does "
                        + "not say (web), so whether one is stronger than SMS could not be told."));
    }
}
