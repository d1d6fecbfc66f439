package dev.evidentry.okta;

import static dev.evidentry.okta.FakeOkta.ALICE;
import static dev.evidentry.okta.FakeOkta.BOB;
import static dev.evidentry.okta.FakeOkta.CAROL;
import static dev.evidentry.okta.FakeOkta.DASHBOARD_POLICY;
import static dev.evidentry.okta.FakeOkta.DAVE;
import static dev.evidentry.okta.FakeOkta.ERIN;
import static dev.evidentry.okta.FakeOkta.LEGACY_POLICY;
import static dev.evidentry.okta.FakeOkta.SESSION_POLICY;
import static dev.evidentry.okta.FakeOkta.USABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ProviderDescriptor;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.okta.OktaAdmin;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaFactor;
import dev.evidentry.spi.fact.okta.OktaPasswordPolicy;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import dev.evidentry.spi.fact.okta.OktaUser;
import dev.evidentry.spi.fact.okta.OktaUserFactors;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider as the scanner runs it, loaded through {@code ServiceLoader}, against WireMock answering over HTTPS
 * with Okta's documented shapes: what it collects, with which calls, and the evidence behind each fact.
 */
class OktaProviderTest {

    private static FakeOkta okta;
    private static CollectionResult result;

    @BeforeAll
    static void scan() {
        okta = FakeOkta.start();
        okta.baseline();
        result = ProviderTestKit.load("okta").collect(okta.options());
    }

    @AfterAll
    static void stop() {
        okta.close();
    }

    @Test
    void isRegisteredWithItsKindsOptionsAndSecretOption() {
        ProviderDescriptor descriptor = ProviderTestKit.load("okta").provider().descriptor();
        assertThat(descriptor.displayName()).isEqualTo("Okta");
        assertThat(descriptor.factKinds()).containsExactlyInAnyOrder(OktaUser.KIND, OktaUserFactors.KIND,
                OktaAdmin.KIND, HumanIdentity.KIND, OktaSignOnPolicy.KIND, OktaAuthenticationPolicy.KIND,
                OktaPasswordPolicy.KIND);
        assertThat(descriptor.secretOptions()).containsExactly("api-token");
        assertThat(descriptor.options()).extracting(ProviderDescriptor.ProviderOption::key).contains("org-url",
                "api-token", "client-id", "private-key-file", "scopes", "ca-file", "max-rate-limit-wait");
    }

    @Test
    void collectsEveryUserAcrossThreePagesWithoutAnIssue() {
        assertThat(result.issues()).isEmpty();
        Map<String, OktaUser> users = byId(result.facts(OktaUser.class), OktaUser::resource);
        assertThat(users).containsOnlyKeys(ALICE, BOB, CAROL, DAVE, ERIN);
        OktaUser dave = users.get(DAVE);
        assertThat(dave.login()).isEqualTo("dave.brown@example.com");
        assertThat(dave.status()).isEqualTo("ACTIVE");
        assertThat(dave.lastLogin()).isEqualTo(Instant.parse("2025-06-15T16:20:00Z"));
        assertThat(dave.created()).isEqualTo(Instant.parse("2021-03-01T12:00:00Z"));
        assertThat(dave.resource()).isEqualTo(ResourceRef.global("okta", "localhost", "okta.user", DAVE,
                "dave.brown@example.com"));
        assertThat(users.get(ERIN).status()).isEqualTo("SUSPENDED");
        assertThat(users.get(ERIN).statusChanged()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        // Each page is its own evidence, holding Okta's answer as it came.
        assertThat(result.evidenceJson(users.get(ERIN).evidence().get(0))).contains("erin.green@example.com")
                .contains("\"after\" : \"" + DAVE + "\"");
        assertThat(users.get(ALICE).evidence()).isNotEqualTo(users.get(CAROL).evidence());
    }

    @Test
    void asksForEachDatumOnceAndNothingAboutUsersWhoCannotSignIn() {
        assertThat(okta.count(FakeOkta.usersRequested())).isEqualTo(3);
        for (String user : USABLE) {
            assertThat(okta.count(FakeOkta.factorsRequested(user))).as("factors of %s", user).isEqualTo(1);
            assertThat(okta.count(FakeOkta.rolesRequested(user))).as("roles of %s", user).isEqualTo(1);
        }
        assertThat(okta.count(FakeOkta.factorsRequested(ERIN))).isZero();
        assertThat(okta.count(FakeOkta.rolesRequested(ERIN))).isZero();
        for (String type : List.of("OKTA_SIGN_ON", "ACCESS_POLICY", "PASSWORD")) {
            assertThat(okta.count(FakeOkta.policiesRequested(type))).as(type).isEqualTo(1);
        }
        for (String policy : List.of(SESSION_POLICY, DASHBOARD_POLICY, LEGACY_POLICY)) {
            assertThat(okta.count(FakeOkta.rulesRequested(policy))).as(policy).isEqualTo(1);
        }
        assertThat(result.evidenceCount()).isEqualTo(3 + 4 + 4 + 3 + 3);
    }

    @Test
    void identitiesCarryTheStrongestActiveFactorAndNeverAGuess() {
        Map<String, HumanIdentity> identities = byId(result.facts(HumanIdentity.class), HumanIdentity::resource);
        assertThat(identities).containsOnlyKeys(ALICE, BOB, CAROL, DAVE, ERIN);
        assertThat(identities.get(ALICE).mfa()).isEqualTo(MfaState.ENROLLED);
        assertThat(identities.get(ALICE).strongestMethod()).isEqualTo(MfaMethod.SECURITY_KEY);
        assertThat(identities.get(BOB).strongestMethod()).isEqualTo(MfaMethod.SMS_OR_VOICE);
        // A security question is not a second factor, and a TOTP still pending activation cannot be used.
        assertThat(identities.get(CAROL).mfa()).isEqualTo(MfaState.NONE);
        assertThat(identities.get(CAROL).active()).isTrue();
        assertThat(identities.get(DAVE).strongestMethod()).isEqualTo(MfaMethod.AUTHENTICATOR_APP);
        assertThat(identities.get(ERIN).active()).isFalse();
        assertThat(identities.get(ERIN).mfa()).isEqualTo(MfaState.UNKNOWN);
        assertThat(identities.values()).allMatch(HumanIdentity::interactiveSignIn);
        assertThat(identities.get(ALICE).evidence()).hasSize(2);
    }

    @Test
    void factorsAreListedWithTheirStatus() {
        OktaUserFactors carol = byId(result.facts(OktaUserFactors.class), OktaUserFactors::resource).get(CAROL);
        assertThat(carol.factors()).containsExactly(
                new OktaFactor("question", "OKTA", "ACTIVE", MfaMethod.NONE),
                new OktaFactor("token:software:totp", "OKTA", "PENDING_ACTIVATION", MfaMethod.AUTHENTICATOR_APP));
        assertThat(result.evidenceJson(carol.evidence().get(1))).contains("listFactors")
                .contains("What is your favorite piece of art?");
    }

    @Test
    void adminsAreTheUsersWithARoleDirectOrThroughAGroup() {
        Map<String, OktaAdmin> admins = byId(result.facts(OktaAdmin.class), OktaAdmin::resource);
        assertThat(admins).containsOnlyKeys(ALICE, BOB);
        assertThat(admins.get(ALICE).roles()).containsExactly(
                new OktaAdmin.Role("SUPER_ADMIN", "Super Administrator", "USER"));
        assertThat(admins.get(ALICE).strongestActiveMethod()).isEqualTo(MfaMethod.SECURITY_KEY);
        assertThat(admins.get(BOB).roles()).containsExactly(
                new OktaAdmin.Role("ORG_ADMIN", "Organization Administrator", "GROUP"));
        assertThat(admins.get(BOB).strongestActiveMethod()).isEqualTo(MfaMethod.SMS_OR_VOICE);
        assertThat(admins.get(BOB).evidence()).hasSize(3);
    }

    @Test
    void globalSessionPolicyRulesSayWhoNeedsMfaAndHowLongSessionsLast() {
        OktaSignOnPolicy policy = single(result.facts(OktaSignOnPolicy.class));
        assertThat(policy.resource().type()).isEqualTo("okta.policy");
        assertThat(policy.name()).isEqualTo("Default Policy");
        assertThat(policy.system()).isTrue();
        assertThat(policy.people().includedGroups()).containsExactly("00g1everyone00000g4");
        assertThat(policy.rules()).extracting(OktaSignOnPolicy.Rule::name)
                .containsExactly("Admins: MFA always", "Default Rule");
        OktaSignOnPolicy.Rule admins = policy.rules().get(0);
        assertThat(admins.requireFactor()).isTrue();
        assertThat(admins.factorPromptMode()).isEqualTo("ALWAYS");
        assertThat(admins.maxSessionIdleMinutes()).isEqualTo(15);
        assertThat(admins.maxSessionLifetimeMinutes()).isEqualTo(720);
        assertThat(admins.people().includedGroups()).containsExactly("00g1admins0000000g4");
        OktaSignOnPolicy.Rule fallback = policy.rules().get(1);
        assertThat(fallback.system()).isTrue();
        assertThat(fallback.requireFactor()).isFalse();
        assertThat(fallback.primaryFactor()).isEqualTo("PASSWORD_IDP_ANY_FACTOR");
        assertThat(fallback.maxSessionIdleMinutes()).isEqualTo(120);
        assertThat(fallback.networkConnection()).isEqualTo("ANYWHERE");
        assertThat(policy.evidence()).hasSize(2);
    }

    @Test
    void authenticationPolicyRulesSayWhetherOneFactorIsEnough() {
        Map<String, OktaAuthenticationPolicy> policies = byId(result.facts(OktaAuthenticationPolicy.class),
                OktaAuthenticationPolicy::resource);
        assertThat(policies).containsOnlyKeys(DASHBOARD_POLICY, LEGACY_POLICY);
        OktaAuthenticationPolicy dashboard = policies.get(DASHBOARD_POLICY);
        assertThat(dashboard.rules()).allMatch(OktaAuthenticationPolicy.Rule::requiresMfa);
        assertThat(dashboard.rules().get(0).phishingResistantRequired()).isTrue();
        assertThat(dashboard.rules().get(1).phishingResistantRequired()).isFalse();
        OktaAuthenticationPolicy.Rule passwordOnly = policies.get(LEGACY_POLICY).rules().get(0);
        assertThat(passwordOnly.name()).isEqualTo("Password only from the office");
        assertThat(passwordOnly.factorMode()).isEqualTo("1FA");
        assertThat(passwordOnly.possessionRequired()).isFalse();
        assertThat(passwordOnly.requiresMfa()).isFalse();
        assertThat(passwordOnly.networkConnection()).isEqualTo("ZONE");
        assertThat(passwordOnly.people().includedGroups()).containsExactly("00g1staff0000000g4");
        assertThat(passwordOnly.reauthenticateIn()).isEqualTo("PT2H");
    }

    @Test
    void passwordPoliciesKeepLengthComplexityHistoryAgeAndLockout() {
        Map<String, OktaPasswordPolicy> policies = byId(result.facts(OktaPasswordPolicy.class),
                OktaPasswordPolicy::resource);
        OktaPasswordPolicy strong = policies.get("00p1strongPwd000g4");
        assertThat(strong.minLength()).isEqualTo(14);
        assertThat(strong.historyCount()).isEqualTo(24);
        assertThat(strong.maxAgeDays()).isEqualTo(90);
        assertThat(strong.lockoutMaxAttempts()).isEqualTo(5);
        assertThat(strong.excludeCommonPasswords()).isTrue();
        assertThat(strong.authProvider()).isEqualTo("OKTA");
        OktaPasswordPolicy weak = policies.get("00p2defaultPwd00g4");
        assertThat(weak.minLength()).isEqualTo(8);
        assertThat(weak.minNumber()).isZero(); // Okta's example sends null
        assertThat(weak.minLowerCase()).isEqualTo(1);
        assertThat(weak.lockoutMaxAttempts()).isZero();
        assertThat(weak.system()).isTrue();
    }

    @Test
    void theApiTokenNeverReachesTheEvidence() {
        String stored = result.allStoredText();
        assertThat(stored).doesNotContain(FakeOkta.TOKEN).doesNotContain("SSWS");
        assertThat(stored).contains("\"provider\" : \"okta\"").contains("\"operation\" : \"listUsers\"")
                .contains("\"path\" : \"/api/v1/users\"").contains("\"method\" : \"GET\"");
        assertThat(okta.server.getAllServeEvents()).allSatisfy(event -> assertThat(
                event.getRequest().getHeader("Authorization")).isEqualTo("SSWS " + FakeOkta.TOKEN));
    }

    private static <T extends Fact> Map<String, T> byId(List<T> facts, Function<T, ResourceRef> ref) {
        return facts.stream().collect(Collectors.toMap(fact -> ref.apply(fact).nativeId(), Function.identity()));
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
