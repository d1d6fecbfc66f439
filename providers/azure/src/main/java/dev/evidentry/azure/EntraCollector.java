package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess.MfaPolicy;
import dev.evidentry.spi.fact.azure.AzureSecurityDefaults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entra ID, through Microsoft Graph v1.0: security defaults, Conditional Access policies that require MFA, users, and
 * their MFA registration. Each is read once, every page; the users are joined to their registration in memory.
 *
 * <p>A user's MFA is {@code ENFORCED} only when registered and an enabled policy requires MFA of all users for all
 * apps with no exclusion that could cover them (an excluded group or role cannot be resolved without more calls, so it
 * counts), or when security defaults are on and the user holds an admin role; {@code ENROLLED} when registered;
 * {@code NONE} when not; {@code UNKNOWN} when the registration report could not be read.
 */
final class EntraCollector {

    static final String USERS = "users:list";
    static final String REGISTRATION = "reports/authenticationMethods/userRegistrationDetails:list";
    static final String POLICIES = "identity/conditionalAccess/policies:list";
    static final String SECURITY_DEFAULTS = "policies/identitySecurityDefaultsEnforcementPolicy:get";
    static final String USER_TYPE = "azure.entra.user";

    static final Set<String> KINDS = Set.of(HumanIdentity.KIND, AzureConditionalAccess.KIND,
            AzureSecurityDefaults.KIND);

    private final AzureRest graph;
    private final String tenant;
    private final FactSink sink;

    EntraCollector(AzureRest graph, String tenant, FactSink sink) {
        this.graph = requireNonNull(graph, "graph is null");
        this.tenant = requireNonNull(tenant, "tenant is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    ResourceRef tenantRef() {
        return ResourceRef.global(AzureProvider.ID, tenant, "azure.entra.tenant", tenant, tenant);
    }

    void run() {
        AzureSecurityDefaults defaults = securityDefaults();
        AzureConditionalAccess access = conditionalAccess();
        Map<String, Registration> registrations = registrations();
        users(defaults, access, registrations);
    }

    private AzureSecurityDefaults securityDefaults() {
        try {
            AzureRest.Answer answer = graph.get(SECURITY_DEFAULTS, "/policies/identitySecurityDefaultsEnforcementPolicy");
            JsonNode enabled = answer.body().get("isEnabled");
            if (enabled == null || !enabled.isBoolean()) {
                throw AzureCallException.malformed(SECURITY_DEFAULTS, "no isEnabled", answer.evidence());
            }
            AzureSecurityDefaults fact = new AzureSecurityDefaults(tenantRef(), enabled.booleanValue(),
                    List.of(answer.evidence()));
            sink.accept(fact);
            return fact;
        } catch (AzureCallException e) {
            issue(e, Set.of(AzureSecurityDefaults.KIND), "security defaults");
            return null;
        }
    }

    private AzureConditionalAccess conditionalAccess() {
        List<MfaPolicy> policies = new ArrayList<>();
        List<EvidenceId> evidence = new ArrayList<>();
        try {
            graph.list(POLICIES, "/identity/conditionalAccess/policies", page -> {
                evidence.add(page.evidence());
                for (JsonNode policy : page.items()) {
                    if (requiresMfa(policy.path("grantControls"))) {
                        policies.add(policy(policy));
                    }
                }
            });
        } catch (AzureCallException e) {
            issue(e, Set.of(AzureConditionalAccess.KIND), "Conditional Access policies");
            return null;
        }
        AzureConditionalAccess fact = new AzureConditionalAccess(tenantRef(), policies, evidence);
        sink.accept(fact);
        return fact;
    }

    /** MFA is required when the grant needs the mfa control (alone, or with AND) or an authentication strength. */
    static boolean requiresMfa(JsonNode grant) {
        if (grant.isMissingNode() || grant.isNull()) {
            return false;
        }
        JsonNode strength = grant.get("authenticationStrength");
        if (strength != null && !strength.isNull()) {
            return true;
        }
        Set<String> controls = strings(grant.path("builtInControls"));
        if (!controls.contains("mfa")) {
            return false;
        }
        return controls.size() == 1 || grant.path("operator").asText("OR").equalsIgnoreCase("AND");
    }

    private static MfaPolicy policy(JsonNode policy) {
        JsonNode users = policy.path("conditions").path("users");
        JsonNode apps = policy.path("conditions").path("applications");
        Set<String> excludedUsers = new HashSet<>(strings(users.path("excludeUsers")));
        JsonNode guests = users.get("excludeGuestsOrExternalUsers");
        if (guests != null && !guests.isNull()) {
            excludedUsers.add("GuestsOrExternalUsers");
        }
        return new MfaPolicy(policy.path("id").asText(""), policy.path("displayName").asText(""),
                policy.path("state").asText(""), strings(users.path("includeUsers")).contains("All"),
                strings(users.path("includeRoles")), strings(apps.path("includeApplications")).contains("All"),
                excludedUsers, strings(users.path("excludeGroups")), strings(users.path("excludeRoles")));
    }

    /** The registration report by user id, or {@code null} when it could not be read. */
    private Map<String, Registration> registrations() {
        Map<String, Registration> registrations = new HashMap<>();
        try {
            graph.list(REGISTRATION, "/reports/authenticationMethods/userRegistrationDetails", page -> {
                for (JsonNode item : page.items()) {
                    String id = item.path("id").asText("");
                    if (!id.isEmpty()) {
                        registrations.put(id, new Registration(item.path("isMfaRegistered").asBoolean(false),
                                item.path("isAdmin").asBoolean(false), strongest(item.path("methodsRegistered")),
                                page.evidence()));
                    }
                }
            });
            return registrations;
        } catch (AzureCallException e) {
            issue(e, Set.of(HumanIdentity.KIND), "the users' MFA registration");
            return null;
        }
    }

    private void users(AzureSecurityDefaults defaults, AzureConditionalAccess access,
            Map<String, Registration> registrations) {
        try {
            graph.list(USERS, "/users?$select=id,displayName,userPrincipalName,accountEnabled,userType&$top=999",
                    page -> {
                        for (JsonNode user : page.items()) {
                            user(user, page.evidence(), defaults, access, registrations);
                        }
                    });
        } catch (AzureCallException e) {
            issue(e, Set.of(HumanIdentity.KIND), "users");
        }
    }

    private void user(JsonNode user, EvidenceId evidence, AzureSecurityDefaults defaults,
            AzureConditionalAccess access, Map<String, Registration> registrations) {
        String id = user.path("id").asText("");
        String login = user.path("userPrincipalName").asText(id);
        if (id.isEmpty()) {
            return;
        }
        boolean active = user.path("accountEnabled").asBoolean(true);
        boolean guest = user.path("userType").asText("").equalsIgnoreCase("Guest");
        ResourceRef ref = ResourceRef.global(AzureProvider.ID, tenant, USER_TYPE, id, login);
        List<EvidenceId> facts = new ArrayList<>(List.of(evidence));
        MfaState state;
        MfaMethod method = MfaMethod.NONE;
        Registration registration = registrations == null ? null : registrations.get(id);
        if (registrations == null) {
            state = MfaState.UNKNOWN;
        } else if (registration == null) {
            // The report leaves out disabled users; an enabled user missing from it cannot be judged.
            state = active ? MfaState.UNKNOWN : MfaState.NONE;
        } else {
            facts.add(registration.evidence());
            method = registration.method();
            if (!registration.mfaRegistered()) {
                state = MfaState.NONE;
            } else if (access != null && enforcedForAll(access, id, guest)) {
                facts.addAll(access.evidence());
                state = MfaState.ENFORCED;
            } else if (defaults != null && defaults.enabled() && registration.admin()) {
                facts.addAll(defaults.evidence());
                state = MfaState.ENFORCED;
            } else {
                state = MfaState.ENROLLED;
            }
        }
        sink.accept(new HumanIdentity(ref, login, active, true, state, method,
                facts.stream().distinct().toList()));
    }

    private static boolean enforcedForAll(AzureConditionalAccess access, String userId, boolean guest) {
        return access.mfaPolicies().stream().anyMatch(policy -> policy.enforced() && policy.allUsers()
                && policy.allApplications() && policy.excludedGroups().isEmpty() && policy.excludedRoles().isEmpty()
                && !policy.excludedUsers().contains(userId)
                && !(guest && policy.excludedUsers().contains("GuestsOrExternalUsers")));
    }

    /** The strongest of the methods the report names (its documented values). */
    static MfaMethod strongest(JsonNode methods) {
        MfaMethod best = MfaMethod.NONE;
        for (String method : strings(methods)) {
            MfaMethod found = switch (method.toLowerCase(Locale.ROOT)) {
                case "fido2", "windowshelloforbusiness", "passkeydevicebound", "passkeydeviceboundauthenticator",
                        "passkeydeviceboundwindowshello", "x509certificatemultifactor" -> MfaMethod.SECURITY_KEY;
                case "hardwareonetimepasscode" -> MfaMethod.HARDWARE_TOKEN;
                case "microsoftauthenticatorpush", "softwareonetimepasscode", "microsoftauthenticatorpasswordless",
                        "microsoftauthenticator" -> MfaMethod.AUTHENTICATOR_APP;
                case "mobilephone", "alternatemobilephone", "officephone", "sms", "voice" -> MfaMethod.SMS_OR_VOICE;
                case "email" -> MfaMethod.EMAIL;
                default -> MfaMethod.NONE;
            };
            best = best.strongest(found);
        }
        return best;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private void issue(AzureCallException e, Set<String> kinds, String what) {
        sink.issue(new CollectionIssue(AzureProvider.ID, tenant, "", null, e.operation(), kinds, e.issueCause(),
                e.describe(what + " of tenant " + tenant)));
    }

    /** Run everything, turning a bug into one issue for every Entra kind. */
    void runGuarded() {
        try {
            run();
        } catch (RuntimeException e) {
            sink.issue(new CollectionIssue(AzureProvider.ID, tenant, "", null, "azure:entra", KINDS,
                    IssueCause.PLUGIN_FAILURE, "collecting Entra ID failed: " + e));
        }
    }

    private record Registration(boolean mfaRegistered, boolean admin, MfaMethod method, EvidenceId evidence) {}
}
