/**
 * Shared fact kinds: vendor-neutral states that one cross-provider check judges for every vendor.
 * A new provider that emits these inherits the MFA, encryption-at-rest and endpoint-protection checks.
 */
package dev.evidentry.spi.fact;
