/** Identity and authentication checks (SOC 2 CC6.1 to CC6.3): MFA, the AWS root user, access keys, passwords. */
package dev.evidentry.checks.identity;
