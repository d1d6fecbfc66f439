/**
 * Fact kinds only GitHub has: read by GitHub-specific checks, produced by the GitHub provider. Organisations and
 * repositories are named by {@code github.organization} and {@code github.repository} resources whose account is the
 * organisation's login; members and outside collaborators are shared {@link dev.evidentry.spi.fact.HumanIdentity} facts.
 */
package dev.evidentry.spi.fact.github;
