/**
 * Exposure checks (SOC 2 CC6.1, CC6.6): what the internet can reach. S3 Block Public Access and ACLs, security group
 * rules open to the world, publicly accessible databases.
 */
package dev.evidentry.checks.exposure;
