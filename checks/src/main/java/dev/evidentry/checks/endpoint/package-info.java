/**
 * Endpoint checks (SOC 2 CC6.8): antivirus and EDR protection of laptops, desktops and servers, judged across every
 * source that reports an endpoint (MDM, EDR consoles, cloud inventories).
 */
package dev.evidentry.checks.endpoint;
