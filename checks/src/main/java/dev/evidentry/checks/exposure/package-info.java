/** Exposure checks (SOC 2 CC6.1, CC6.6): what the internet can reach, starting with S3 Block Public Access and ACLs. */
package dev.evidentry.checks.exposure;
