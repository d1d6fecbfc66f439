/**
 * Fact kinds only Okta has: read by the Okta checks, produced by the Okta provider. Resources are named with
 * provider {@code okta}, the org's host name (such as {@code acme.okta.com}) as account, no region, and the types
 * {@code okta.user} (native id: the user id) and {@code okta.policy} (native id: the policy id).
 */
package dev.evidentry.spi.fact.okta;
