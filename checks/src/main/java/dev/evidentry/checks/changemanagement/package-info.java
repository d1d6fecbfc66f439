/**
 * Change management checks (SOC 2 CC8.1): changes reach production code only reviewed, tested and traceable. Today over
 * GitHub's default branch protection (classic rules and rulesets); other source hosts can add their facts here.
 */
package dev.evidentry.checks.changemanagement;
