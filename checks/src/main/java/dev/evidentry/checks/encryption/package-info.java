/**
 * Encryption checks (SOC 2 CC6.1, C1.1): data at rest, judged across every provider that reports a data store, and
 * the AWS settings that keep it encrypted (EBS encryption by default, KMS key rotation).
 */
package dev.evidentry.checks.encryption;
