/** Resilience checks (SOC 2 A1.2): recovering data after deletion, corruption or ransomware (S3 versioning, RDS). */
package dev.evidentry.checks.resilience;
