/**
 * Logging and monitoring checks (SOC 2 CC7.1 to CC7.3): records of access and change (S3 access logs, CloudTrail, AWS
 * Config), kept intact, and threat detection watching them (GuardDuty).
 */
package dev.evidentry.checks.logging;
