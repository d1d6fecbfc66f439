package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Facts;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.PublicAccessBlockSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The four S3 Block Public Access settings, by their API names. S3 applies a setting when either level turns it on. */
enum BlockPublicAccess {
    BLOCK_PUBLIC_ACLS("BlockPublicAcls", PublicAccessBlockSettings::blockPublicAcls),
    IGNORE_PUBLIC_ACLS("IgnorePublicAcls", PublicAccessBlockSettings::ignorePublicAcls),
    BLOCK_PUBLIC_POLICY("BlockPublicPolicy", PublicAccessBlockSettings::blockPublicPolicy),
    RESTRICT_PUBLIC_BUCKETS("RestrictPublicBuckets", PublicAccessBlockSettings::restrictPublicBuckets);

    private final String apiName;
    private final Predicate<PublicAccessBlockSettings> on;

    BlockPublicAccess(String apiName, Predicate<PublicAccessBlockSettings> on) {
        this.apiName = apiName;
        this.on = on;
    }

    /** The names of the settings that none of {@code levels} turns on, in API order, comma-separated. */
    static String offAtEvery(PublicAccessBlockSettings... levels) {
        return Arrays.stream(values())
                .filter(setting -> Arrays.stream(levels).noneMatch(setting.on))
                .map(setting -> setting.apiName)
                .collect(Collectors.joining(", "));
    }

    /** The names of the settings that {@code level} turns on, comma-separated. */
    static String onAt(PublicAccessBlockSettings level) {
        return Arrays.stream(values()).filter(setting -> setting.on.test(level))
                .map(setting -> setting.apiName)
                .collect(Collectors.joining(", "));
    }

    /** The account-level settings of every account, by account id. */
    static Map<String, AwsS3AccountPublicAccessBlock> byAccount(Facts facts) {
        return facts.all(AwsS3AccountPublicAccessBlock.class)
                .collect(Collectors.toMap(block -> block.resource().account(), block -> block, (first, second) -> first));
    }
}
