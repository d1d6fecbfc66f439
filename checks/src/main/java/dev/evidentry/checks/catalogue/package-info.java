/** The check catalogue ({@code docs/checks.md}), rendered from the descriptors of every pack on the class path. */
package dev.evidentry.checks.catalogue;
