/**
 * The Evidentry plugin contract. Providers collect {@link dev.evidentry.spi.Fact facts} from vendor APIs,
 * check packs judge them as {@link dev.evidentry.spi.Finding findings}. Nothing in this package (or below it)
 * depends on a third-party library: plugin class loaders load it parent-first, so every plugin shares one copy.
 */
package dev.evidentry.spi;
