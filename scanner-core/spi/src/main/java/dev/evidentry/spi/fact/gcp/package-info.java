/**
 * Fact kinds only Google Cloud and Google Workspace have: read by Google-specific checks, produced by the Google Cloud
 * provider. Accounts are project ids, or the Workspace customer id for Workspace users; native ids are Cloud Asset
 * full resource names ({@code //storage.googleapis.com/projects/_/buckets/NAME}).
 */
package dev.evidentry.spi.fact.gcp;
