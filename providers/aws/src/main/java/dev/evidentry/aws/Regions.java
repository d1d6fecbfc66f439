package dev.evidentry.aws;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;

/** Which region to start in, where a partition's global services live, and which regions the account has enabled. */
final class Regions {

    static final List<String> ENABLED_STATUSES = List.of("opt-in-not-required", "opted-in");

    private Regions() {}

    /**
     * The region to call STS (and EC2's region list) in: AWS_REGION or aws.region, else the profile's region, else the
     * first region of the {@code regions} option, else the instance's region (not asked against an emulator), else
     * us-east-1. The instance metadata service is asked last, since off EC2 it only answers with a timeout.
     */
    static Region home(AwsOptions options) {
        String profile = options.profile()
                .orElseGet(() -> ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default"));
        return first(new SystemSettingsRegionProvider(),
                new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, profile))
                .or(() -> options.regions().stream().findFirst())
                .or(() -> options.endpoint().isPresent() ? Optional.empty()
                        : first(new InstanceProfileRegionProvider()))
                .orElse(Region.US_EAST_1);
    }

    private static Optional<Region> first(AwsRegionProvider... providers) {
        for (AwsRegionProvider provider : providers) {
            try {
                Region region = provider.getRegion();
                if (region != null) {
                    return Optional.of(region);
                }
            } catch (RuntimeException notConfigured) {
                // try the next source
            }
        }
        return Optional.empty();
    }

    /** The partition a region belongs to, known to the SDK or recognised by the partition's region pattern. */
    static String partitionOf(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }

    /** Where a partition's global services (IAM, S3's bucket list, S3 Control) are called and signed. */
    static Region global(String partition, Region home) {
        return switch (partition) {
            case "aws" -> Region.US_EAST_1;
            case "aws-cn" -> Region.CN_NORTH_1;
            case "aws-us-gov" -> Region.US_GOV_WEST_1;
            default -> home;
        };
    }

    /**
     * The regions enabled for the account (opt-in not required, or opted in), of the caller's partition only: moto,
     * for one, also lists China and GovCloud regions.
     */
    static List<Region> enabled(Ec2Client ec2, String partition) {
        Evidenced<DescribeRegionsResponse> answer = AwsCalls.call("ec2:DescribeRegions",
                override -> ec2.describeRegions(b -> b
                        .filters(Filter.builder().name("opt-in-status").values(ENABLED_STATUSES).build())
                        .overrideConfiguration(override)));
        TreeSet<String> names = new TreeSet<>();
        for (software.amazon.awssdk.services.ec2.model.Region region : answer.value().regions()) {
            String name = region.regionName();
            String status = Optional.ofNullable(region.optInStatus()).orElse("opt-in-not-required");
            if (name != null && !name.isBlank() && ENABLED_STATUSES.contains(status)
                    && partitionOf(name).equals(partition)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw CallException.malformed("ec2:DescribeRegions", "no enabled region of partition " + partition,
                    answer.evidence());
        }
        return names.stream().map(Region::of).toList();
    }
}
