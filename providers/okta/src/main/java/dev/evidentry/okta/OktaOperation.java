package dev.evidentry.okta;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;

/**
 * The Management API operations the provider calls, named by Okta's own {@code operationId}, with the API they belong
 * to (the evidence's {@code service}) and the OAuth 2.0 scope they need.
 */
enum OktaOperation {
    /** {@code GET /api/v1/users}: every user except deprovisioned ones, paginated by {@code Link} headers. */
    LIST_USERS("users", "listUsers", "okta.users.read"),
    /** {@code GET /api/v1/users/{userId}/factors}: the user's enrolled factors. */
    LIST_FACTORS("users", "listFactors", "okta.users.read"),
    /** {@code GET /api/v1/users/{userId}/roles}: the user's admin roles, group assignments included. */
    LIST_ASSIGNED_ROLES_FOR_USER("roles", "listAssignedRolesForUser", "okta.roles.read"),
    /** {@code GET /api/v1/policies?type=...}: the policies of one type. */
    LIST_POLICIES("policies", "listPolicies", "okta.policies.read"),
    /** {@code GET /api/v1/policies/{policyId}/rules}: one policy's rules. */
    LIST_POLICY_RULES("policies", "listPolicyRules", "okta.policies.read"),
    /** {@code POST /oauth2/v1/token}: the service app's access token (made by the SDK). */
    TOKEN("oauth2", "token", "");

    private final String service;
    private final String operationId;
    private final String scope;

    OktaOperation(String service, String operationId, String scope) {
        this.service = service;
        this.operationId = operationId;
        this.scope = scope;
    }

    String service() {
        return service;
    }

    String operationId() {
        return operationId;
    }

    /** The OAuth 2.0 scope a service app needs for it, or empty. */
    String scope() {
        return scope;
    }

    /** As issues name it: {@code okta:listFactors}. */
    String issueName() {
        return OktaProvider.ID + ":" + operationId;
    }

    /** An answer to this operation that arrived but cannot honestly be read as a fact. */
    CallException malformed(String detail, EvidenceId evidence) {
        return CallException.malformed(issueName(), detail, evidence);
    }
}
