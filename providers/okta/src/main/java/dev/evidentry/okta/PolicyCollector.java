package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import com.okta.sdk.resource.api.PolicyApi;
import com.okta.sdk.resource.model.AccessPolicyConstraints;
import com.okta.sdk.resource.model.AccessPolicyRule;
import com.okta.sdk.resource.model.AccessPolicyRuleApplicationSignOn;
import com.okta.sdk.resource.model.AssuranceMethod;
import com.okta.sdk.resource.model.GroupCondition;
import com.okta.sdk.resource.model.OktaSignOnPolicyRule;
import com.okta.sdk.resource.model.OktaSignOnPolicyRuleSignonActions;
import com.okta.sdk.resource.model.OktaSignOnPolicyRuleSignonSessionActions;
import com.okta.sdk.resource.model.PasswordPolicy;
import com.okta.sdk.resource.model.PasswordPolicyPasswordSettings;
import com.okta.sdk.resource.model.PasswordPolicyPasswordSettingsAge;
import com.okta.sdk.resource.model.PasswordPolicyPasswordSettingsComplexity;
import com.okta.sdk.resource.model.PasswordPolicyPasswordSettingsLockout;
import com.okta.sdk.resource.model.Policy;
import com.okta.sdk.resource.model.PolicyNetworkCondition;
import com.okta.sdk.resource.model.PolicyPeopleCondition;
import com.okta.sdk.resource.model.PolicyRule;
import com.okta.sdk.resource.model.PossessionConstraint;
import com.okta.sdk.resource.model.UserCondition;
import com.okta.sdk.resource.model.VerificationMethod;
import dev.evidentry.okta.OktaCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaPasswordPolicy;
import dev.evidentry.spi.fact.okta.OktaPeople;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Policies: global session policies ({@code OKTA_SIGN_ON}) and authentication policies ({@code ACCESS_POLICY}) with
 * their rules ({@code listPolicyRules}, one call per policy), and password policies ({@code PASSWORD}, whose rules only
 * govern self-service recovery and are not read).
 *
 * <p>Two phases: {@link #listingTasks()} lists the three types concurrently (emitting password policies at once);
 * {@link #ruleTasks()} then reads each listed policy's rules and emits the policy with them.
 */
final class PolicyCollector {

    static final Set<String> KINDS = Set.of(OktaSignOnPolicy.KIND, OktaAuthenticationPolicy.KIND,
            OktaPasswordPolicy.KIND);

    static final String SIGN_ON = "OKTA_SIGN_ON";
    static final String ACCESS = "ACCESS_POLICY";
    static final String PASSWORD = "PASSWORD";

    private final PolicyApi policies;
    private final OktaCalls calls;
    private final Org org;
    private final FactSink sink;

    private final List<Listed> signOn = new CopyOnWriteArrayList<>();
    private final List<Listed> access = new CopyOnWriteArrayList<>();

    PolicyCollector(PolicyApi policies, OktaCalls calls, Org org, FactSink sink) {
        this.policies = requireNonNull(policies, "policies is null");
        this.calls = requireNonNull(calls, "calls is null");
        this.org = requireNonNull(org, "org is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    List<Task> listingTasks() {
        return List.of(
                new Task(OktaOperation.LIST_POLICIES, SIGN_ON, null, Set.of(OktaSignOnPolicy.KIND),
                        () -> list(SIGN_ON, signOn::add)),
                new Task(OktaOperation.LIST_POLICIES, ACCESS, null, Set.of(OktaAuthenticationPolicy.KIND),
                        this::listAccessPolicies),
                new Task(OktaOperation.LIST_POLICIES, PASSWORD, null, Set.of(OktaPasswordPolicy.KIND),
                        () -> list(PASSWORD, this::emitPasswordPolicy)));
    }

    List<Task> ruleTasks() {
        List<Task> tasks = new ArrayList<>();
        for (Listed policy : sorted(signOn)) {
            tasks.add(new Task(OktaOperation.LIST_POLICY_RULES, policy.ref().name(), policy.ref(),
                    Set.of(OktaSignOnPolicy.KIND), () -> emitSignOnPolicy(policy)));
        }
        for (Listed policy : sorted(access)) {
            tasks.add(new Task(OktaOperation.LIST_POLICY_RULES, policy.ref().name(), policy.ref(),
                    Set.of(OktaAuthenticationPolicy.KIND), () -> emitAuthenticationPolicy(policy)));
        }
        return tasks;
    }

    private void list(String type, java.util.function.Consumer<Listed> each) {
        calls.pages(OktaOperation.LIST_POLICIES,
                after -> policies.listPolicies(type, null, null, null, null, null, null, after),
                page -> {
                    for (Policy policy : page.value()) {
                        if (policy == null || policy.getId() == null || policy.getId().isBlank()) {
                            throw OktaOperation.LIST_POLICIES.malformed("a " + type
                                    + " policy in the listing has no id", page.evidence());
                        }
                        each.accept(new Listed(policy, org.policyRef(policy.getId(),
                                policy.getName() == null ? policy.getId() : policy.getName()), page.evidence()));
                    }
                });
    }

    /** Authentication policies exist in Identity Engine orgs only: a Classic Engine org refuses the type. */
    private void listAccessPolicies() {
        try {
            list(ACCESS, access::add);
        } catch (CallException e) {
            if (e.issueCause() != IssueCause.UNSUPPORTED || !access.isEmpty()) {
                throw e;
            }
            // Not a gap in the evidence: there is nothing of this kind to collect. Said once, costing no fact kind.
            sink.issue(new CollectionIssue(OktaProvider.ID, org.host(), "", null, e.operation(), Set.of(),
                    IssueCause.UNSUPPORTED, e.message() + "; Okta refused the type " + ACCESS + ", as a Classic "
                    + "Engine org does: its global session policies alone decide MFA"));
        }
    }

    private void emitSignOnPolicy(Listed listed) {
        Evidenced<List<PolicyRule>> answer = rules(listed);
        List<OktaSignOnPolicy.Rule> rules = new ArrayList<>();
        for (PolicyRule rule : answer.value()) {
            if (!(rule instanceof OktaSignOnPolicyRule signOnRule)) {
                throw OktaOperation.LIST_POLICY_RULES.malformed("rule " + ruleName(rule)
                        + " of a global session policy is not of type SIGN_ON", answer.evidence());
            }
            rules.add(signOnRule(signOnRule, answer.evidence()));
        }
        rules.sort(Comparator.comparingInt(OktaSignOnPolicy.Rule::priority));
        Policy policy = listed.policy();
        PolicyPeopleCondition people = policy instanceof com.okta.sdk.resource.model.OktaSignOnPolicy signOnPolicy
                && signOnPolicy.getConditions() != null ? signOnPolicy.getConditions().getPeople() : null;
        sink.accept(new OktaSignOnPolicy(listed.ref(), listed.ref().name(), status(policy.getStatus()),
                orZero(policy.getPriority()), Boolean.TRUE.equals(policy.getSystem()), people(people), rules,
                List.of(listed.page(), answer.evidence())));
    }

    private void emitAuthenticationPolicy(Listed listed) {
        Evidenced<List<PolicyRule>> answer = rules(listed);
        List<OktaAuthenticationPolicy.Rule> rules = new ArrayList<>();
        for (PolicyRule rule : answer.value()) {
            if (!(rule instanceof AccessPolicyRule accessRule)) {
                throw OktaOperation.LIST_POLICY_RULES.malformed("rule " + ruleName(rule)
                        + " of an authentication policy is not of type ACCESS_POLICY", answer.evidence());
            }
            rules.add(accessRule(accessRule, answer.evidence()));
        }
        rules.sort(Comparator.comparingInt(OktaAuthenticationPolicy.Rule::priority));
        Policy policy = listed.policy();
        sink.accept(new OktaAuthenticationPolicy(listed.ref(), listed.ref().name(), status(policy.getStatus()),
                orZero(policy.getPriority()), Boolean.TRUE.equals(policy.getSystem()), rules,
                List.of(listed.page(), answer.evidence())));
    }

    private Evidenced<List<PolicyRule>> rules(Listed listed) {
        Evidenced<List<PolicyRule>> answer = calls.call(OktaOperation.LIST_POLICY_RULES,
                () -> policies.listPolicyRules(listed.policy().getId(), null));
        if (answer.exchange().nextLink() != null) {
            throw OktaOperation.LIST_POLICY_RULES.malformed("the rules of policy "
                    + listed.ref().name() + " come in more than one page, which the SDK cannot follow",
                    answer.evidence());
        }
        List<PolicyRule> rules = answer.value() == null ? List.of()
                : answer.value().stream().filter(Objects::nonNull).toList();
        return new Evidenced<>(rules, answer.exchange());
    }

    private static OktaSignOnPolicy.Rule signOnRule(OktaSignOnPolicyRule rule, EvidenceId evidence) {
        OktaSignOnPolicyRuleSignonActions signon = rule.getActions() == null ? null : rule.getActions().getSignon();
        if (signon == null || signon.getAccess() == null) {
            throw OktaOperation.LIST_POLICY_RULES.malformed("rule " + ruleName(rule)
                    + " has no actions.signon.access", evidence);
        }
        OktaSignOnPolicyRuleSignonSessionActions session = signon.getSession();
        PolicyPeopleCondition people = rule.getConditions() == null ? null : rule.getConditions().getPeople();
        PolicyNetworkCondition network = rule.getConditions() == null ? null : rule.getConditions().getNetwork();
        return new OktaSignOnPolicy.Rule(required(rule.getId(), rule, evidence), name(rule),
                status(rule.getStatus()), orZero(rule.getPriority()), Boolean.TRUE.equals(rule.getSystem()),
                people(people), network(network), SdkValues.value(signon.getAccess()),
                Boolean.TRUE.equals(signon.getRequireFactor()), SdkValues.value(signon.getFactorPromptMode()),
                SdkValues.value(signon.getPrimaryFactor()),
                session == null ? 0 : orZero(session.getMaxSessionIdleMinutes()),
                session == null ? 0 : orZero(session.getMaxSessionLifetimeMinutes()),
                session != null && Boolean.TRUE.equals(session.getUsePersistentCookie()));
    }

    private static OktaAuthenticationPolicy.Rule accessRule(AccessPolicyRule rule, EvidenceId evidence) {
        AccessPolicyRuleApplicationSignOn signOn = rule.getActions() == null ? null : rule.getActions().getAppSignOn();
        if (signOn == null || signOn.getAccess() == null) {
            throw OktaOperation.LIST_POLICY_RULES.malformed("rule " + ruleName(rule)
                    + " has no actions.appSignOn.access", evidence);
        }
        VerificationMethod method = signOn.getVerificationMethod();
        String verificationType = method == null ? "" : SdkValues.value(method.getType());
        String factorMode = "";
        String reauthenticateIn = "";
        boolean possession = false;
        boolean phishingResistant = false;
        if (method instanceof AssuranceMethod assurance) {
            factorMode = SdkValues.value(assurance.getFactorMode());
            reauthenticateIn = Objects.requireNonNullElse(assurance.getReauthenticateIn(), "");
            List<AccessPolicyConstraints> constraints = assurance.getConstraints() == null ? List.of()
                    : assurance.getConstraints().stream().filter(Objects::nonNull).toList();
            // Each element of constraints is an alternative: a requirement holds only when every alternative has it.
            possession = !constraints.isEmpty() && constraints.stream().allMatch(PolicyCollector::needsPossession);
            phishingResistant = possession && constraints.stream().allMatch(c ->
                    "REQUIRED".equals(SdkValues.value(c.getPossession().getPhishingResistant())));
        }
        PolicyPeopleCondition people = rule.getConditions() == null ? null : rule.getConditions().getPeople();
        PolicyNetworkCondition network = rule.getConditions() == null ? null : rule.getConditions().getNetwork();
        return new OktaAuthenticationPolicy.Rule(required(rule.getId(), rule, evidence), name(rule),
                status(rule.getStatus()), orZero(rule.getPriority()), Boolean.TRUE.equals(rule.getSystem()),
                people(people), network(network), SdkValues.value(signOn.getAccess()), verificationType, factorMode,
                possession, phishingResistant, reauthenticateIn);
    }

    private static boolean needsPossession(AccessPolicyConstraints constraint) {
        PossessionConstraint possession = constraint.getPossession();
        return possession != null && !Boolean.FALSE.equals(possession.getRequired());
    }

    private void emitPasswordPolicy(Listed listed) {
        if (!(listed.policy() instanceof PasswordPolicy policy)) {
            throw OktaOperation.LIST_POLICIES.malformed("policy " + listed.ref().name()
                    + " is not of type PASSWORD", listed.page());
        }
        PasswordPolicyPasswordSettings settings = policy.getSettings() == null ? null
                : policy.getSettings().getPassword();
        if (settings == null) {
            throw OktaOperation.LIST_POLICIES.malformed("password policy " + listed.ref().name()
                    + " has no settings.password", listed.page());
        }
        PasswordPolicyPasswordSettingsComplexity complexity = settings.getComplexity();
        PasswordPolicyPasswordSettingsAge age = settings.getAge();
        PasswordPolicyPasswordSettingsLockout lockout = settings.getLockout();
        PolicyPeopleCondition people = policy.getConditions() == null ? null : policy.getConditions().getPeople();
        String provider = policy.getConditions() == null || policy.getConditions().getAuthProvider() == null ? ""
                : SdkValues.value(policy.getConditions().getAuthProvider().getProvider());
        boolean common = complexity != null && complexity.getDictionary() != null
                && complexity.getDictionary().getCommon() != null
                && Boolean.TRUE.equals(complexity.getDictionary().getCommon().getExclude());
        sink.accept(new OktaPasswordPolicy(listed.ref(), listed.ref().name(), status(policy.getStatus()),
                orZero(policy.getPriority()), Boolean.TRUE.equals(policy.getSystem()), people(people), provider,
                get(complexity, PasswordPolicyPasswordSettingsComplexity::getMinLength),
                get(complexity, PasswordPolicyPasswordSettingsComplexity::getMinLowerCase),
                get(complexity, PasswordPolicyPasswordSettingsComplexity::getMinUpperCase),
                get(complexity, PasswordPolicyPasswordSettingsComplexity::getMinNumber),
                get(complexity, PasswordPolicyPasswordSettingsComplexity::getMinSymbol),
                complexity != null && Boolean.TRUE.equals(complexity.getExcludeUsername()), common,
                get(age, PasswordPolicyPasswordSettingsAge::getHistoryCount),
                get(age, PasswordPolicyPasswordSettingsAge::getMaxAgeDays),
                get(age, PasswordPolicyPasswordSettingsAge::getMinAgeMinutes),
                get(lockout, PasswordPolicyPasswordSettingsLockout::getMaxAttempts),
                get(lockout, PasswordPolicyPasswordSettingsLockout::getAutoUnlockMinutes),
                List.of(listed.page())));
    }

    static OktaPeople people(PolicyPeopleCondition people) {
        if (people == null) {
            return OktaPeople.EVERYONE;
        }
        GroupCondition groups = people.getGroups();
        UserCondition users = people.getUsers();
        return new OktaPeople(
                users == null ? List.of() : ids(users.getInclude()),
                users == null ? List.of() : ids(users.getExclude()),
                groups == null ? List.of() : ids(groups.getInclude()),
                groups == null ? List.of() : ids(groups.getExclude()));
    }

    private static List<String> ids(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList();
    }

    private static String network(PolicyNetworkCondition network) {
        return network == null || network.getConnection() == null ? "" : SdkValues.value(network.getConnection());
    }

    private static String required(String id, PolicyRule rule, EvidenceId evidence) {
        if (id == null || id.isBlank()) {
            throw OktaOperation.LIST_POLICY_RULES.malformed("rule " + ruleName(rule)
                    + " has no id", evidence);
        }
        return id;
    }

    private static String name(PolicyRule rule) {
        return rule.getName() == null ? rule.getId() : rule.getName();
    }

    private static String ruleName(PolicyRule rule) {
        if (rule == null) {
            return "(none)";
        }
        return rule.getName() != null ? "'" + rule.getName() + "'" : rule.getId() != null ? rule.getId() : "(unnamed)";
    }

    private static String status(Object status) {
        return status == null ? "" : SdkValues.value(status);
    }

    private static <S> int get(S settings, Function<S, Integer> field) {
        return settings == null ? 0 : orZero(field.apply(settings));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static List<Listed> sorted(List<Listed> listed) {
        return listed.stream().sorted(Comparator.comparing(Listed::ref)).toList();
    }

    /** A policy as listed, before its rules are read. */
    private record Listed(Policy policy, ResourceRef ref, EvidenceId page) {}
}
