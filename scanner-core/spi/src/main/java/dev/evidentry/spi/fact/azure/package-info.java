/**
 * Fact kinds only Azure has: read by Azure-specific checks, produced by the Azure provider.
 *
 * <p>Resource types: {@code azure.entra.tenant} (account and native id the tenant id), {@code azure.subscription}
 * (account and native id the subscription id), and for ARM resources the resource type named after the service, such as
 * {@code azure.storage.account} or {@code azure.keyvault.vault}, with the subscription id as account, the resource's
 * location as region and its ARM resource id as native id.
 */
package dev.evidentry.spi.fact.azure;
