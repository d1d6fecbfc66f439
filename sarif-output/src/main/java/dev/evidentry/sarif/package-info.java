/**
 * SARIF 2.1.0 output shaped for GitHub code scanning: one run per file, cloud resources as relative pseudo-paths,
 * SOC 2 criteria as a taxonomy, collection issues as tool execution notifications.
 *
 * <p>{@link dev.evidentry.sarif.SarifReportWriter} streams results with Jackson's {@code JsonGenerator}, so memory
 * does not grow with the number of findings. It writes every value explicitly, including those equal to a schema
 * default (the generated SARIF libraries drop them).
 */
package dev.evidentry.sarif;
