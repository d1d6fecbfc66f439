package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evidence;

import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.okta.OktaAdmin;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaFactor;
import dev.evidentry.spi.fact.okta.OktaPasswordPolicy;
import dev.evidentry.spi.fact.okta.OktaPeople;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import dev.evidentry.spi.fact.okta.OktaUser;
import java.time.Instant;
import java.util.List;

/** Okta facts for check tests: one org, policies and rules built from the few values a test cares about. */
final class OktaFacts {

    static final String ORG = "acme.okta.com";

    private OktaFacts() {
    }

    static ResourceRef user(String login) {
        return ResourceRef.global("okta", ORG, "okta.user", "00u" + login, login);
    }

    static ResourceRef policy(String name) {
        return ResourceRef.global("okta", ORG, "okta.policy", "00p" + name.replace(' ', '-'), name);
    }

    static OktaUser user(String login, String status, Instant created, Instant lastLogin) {
        return new OktaUser(user(login), login, status, created, lastLogin, null, evidence('a'));
    }

    static OktaAdmin admin(String login, String status, OktaFactor... factors) {
        return new OktaAdmin(user(login), login, status, List.of(new OktaAdmin.Role("SUPER_ADMIN",
                "Super Administrator", "USER")), List.of(factors), evidence('b'));
    }

    static OktaFactor factor(String type, MfaMethod method) {
        return new OktaFactor(type, "OKTA", "ACTIVE", method);
    }

    static OktaFactor pending(String type, MfaMethod method) {
        return new OktaFactor(type, "OKTA", "PENDING_ACTIVATION", method);
    }

    static OktaSignOnPolicy sessionPolicy(String name, String status, OktaSignOnPolicy.Rule... rules) {
        return new OktaSignOnPolicy(policy(name), name, status, 1, false, OktaPeople.EVERYONE, List.of(rules),
                evidence('c'));
    }

    static OktaSignOnPolicy.Rule sessionRule(String name, boolean mfa, int idleMinutes) {
        return sessionRule(name, "ACTIVE", "ALLOW", mfa, idleMinutes, OktaPeople.EVERYONE);
    }

    static OktaSignOnPolicy.Rule sessionRule(String name, String status, String access, boolean mfa, int idleMinutes,
            OktaPeople people) {
        return new OktaSignOnPolicy.Rule("0pr" + name.hashCode(), name, status, 1, false, people, "ANYWHERE", access,
                mfa, mfa ? "ALWAYS" : "", "PASSWORD_IDP", idleMinutes, 0, false);
    }

    static OktaAuthenticationPolicy appPolicy(String name, OktaAuthenticationPolicy.Rule... rules) {
        return new OktaAuthenticationPolicy(policy(name), name, "ACTIVE", 1, false, List.of(rules), evidence('d'));
    }

    static OktaAuthenticationPolicy.Rule appRule(String name, String type, String factorMode, boolean possession) {
        return appRule(name, type, factorMode, possession, OktaPeople.EVERYONE);
    }

    static OktaAuthenticationPolicy.Rule appRule(String name, String type, String factorMode, boolean possession,
            OktaPeople people) {
        return new OktaAuthenticationPolicy.Rule("rul" + name.hashCode(), name, "ACTIVE", 1, false, people, "",
                "ALLOW", type, factorMode, possession, false, "PT2H");
    }

    static OktaPasswordPolicy passwordPolicy(String name, String status, String provider, int minLength, int history,
            int lockout) {
        return new OktaPasswordPolicy(policy(name), name, status, 1, false, OktaPeople.EVERYONE, provider, minLength,
                1, 1, 1, 0, true, true, history, 0, 0, lockout, 30, evidence('e'));
    }
}
