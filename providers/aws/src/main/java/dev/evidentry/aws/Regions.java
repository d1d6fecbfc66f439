package dev.evidentry.aws;

import dev.evidentry.aws.AwsCalls.Evidenced;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;

/** Which region to start in, where a partition's global services live, and which regions the account has enabled. */
final class Regions {

    static final List<String> ENABLED_STATUSES = List.of("opt-in-not-required", "opted-in");

    private Regions() {}

    /**
     * The region to call STS (and EC2's region list) in: the SDK's region chain (AWS_REGION, aws.region, the profile's
     * region), else the first region of the {@code regions} option, else us-east-1.
     */
    static Region home(AwsOptions options) {
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            options.profile().ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (SdkClientException | IllegalArgumentException e) {
            return options.regions().isEmpty() ? Region.US_EAST_1 : options.regions().get(0);
        }
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
            throw IamCollector.malformed("ec2:DescribeRegions", "no enabled region of partition " + partition,
                    answer.evidence());
        }
        return names.stream().map(Region::of).toList();
    }
}
