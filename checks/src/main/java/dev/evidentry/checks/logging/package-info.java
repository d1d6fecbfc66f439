/** Logging checks (SOC 2 CC7.2): records of access and change, kept where monitoring can read them. */
package dev.evidentry.checks.logging;
