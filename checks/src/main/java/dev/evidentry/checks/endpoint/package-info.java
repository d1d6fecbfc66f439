/**
 * Endpoint checks: antivirus and EDR protection (CC6.8), full-disk encryption (CC6.1, CC6.7), idle screen lock (CC6.1)
 * and recent reports (CC6.8, CC7.1) of laptops, desktops and servers, judged across every source that reports an
 * endpoint (MDM, EDR consoles, osquery, cloud inventories). A device whose last report is stale fails the report
 * check; its other checks are judged on that last report and say how old it is.
 */
package dev.evidentry.checks.endpoint;
