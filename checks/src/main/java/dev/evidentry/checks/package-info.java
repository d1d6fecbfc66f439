/**
 * Evidentry's own check packs, one package per control domain (not per vendor). Every check is a pure function of
 * the facts it declares; its risk and remediation prose lives beside it as {@code <check id>.md}.
 */
package dev.evidentry.checks;
