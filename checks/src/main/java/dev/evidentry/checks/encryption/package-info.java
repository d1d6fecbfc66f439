/** Encryption checks (SOC 2 CC6.1, C1.1): data at rest, judged across every provider that reports a data store. */
package dev.evidentry.checks.encryption;
