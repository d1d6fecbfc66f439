package dev.evidentry.spi.fact.aws;

/**
 * S3 Block Public Access, at account or bucket level. All false when no configuration exists.
 *
 * @param configured whether a configuration exists at all
 */
public record PublicAccessBlockSettings(
        boolean configured,
        boolean blockPublicAcls,
        boolean ignorePublicAcls,
        boolean blockPublicPolicy,
        boolean restrictPublicBuckets) {

    public static final PublicAccessBlockSettings NONE = new PublicAccessBlockSettings(false, false, false, false, false);

    public boolean blocksEverything() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }
}
