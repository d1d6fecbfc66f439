/** Fact kinds only AWS has: read by AWS-specific checks, produced by the AWS provider. */
package dev.evidentry.spi.fact.aws;
