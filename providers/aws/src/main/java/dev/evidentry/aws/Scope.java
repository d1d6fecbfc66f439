package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/**
 * What one scan covers: the caller's account and partition, the region global services are called in, and the regions
 * regional services will be called in. Names every resource the provider reports on.
 *
 * @param account the 12-digit account id
 * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}...
 * @param globalRegion where IAM, S3's bucket listing and S3 Control are called
 * @param regions the regions in scope, sorted
 */
record Scope(String account, String partition, Region globalRegion, List<Region> regions) {

    static final String ACCOUNT_TYPE = "aws.account";
    static final String ROOT_USER_TYPE = "aws.iam.root-user";
    static final String IAM_USER_TYPE = "aws.iam.user";
    static final String BUCKET_TYPE = "aws.s3.bucket";

    Scope {
        requireNonNull(account, "account is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(globalRegion, "globalRegion is null");
        regions = List.copyOf(requireNonNull(regions, "regions is null"));
    }

    ResourceRef accountRef() {
        return ResourceRef.forAccount(AwsProvider.ID, account); // type aws.account, native id and name the account id
    }

    ResourceRef rootUserRef() {
        return ResourceRef.global(AwsProvider.ID, account, ROOT_USER_TYPE,
                "arn:" + partition + ":iam::" + account + ":root", "root");
    }

    ResourceRef iamUserRef(String arn, String userName) {
        return ResourceRef.global(AwsProvider.ID, account, IAM_USER_TYPE, arn, userName);
    }

    /** A bucket; {@code region} is empty when it could not be learned. */
    ResourceRef bucketRef(String bucket, String region) {
        return new ResourceRef(AwsProvider.ID, account, region, BUCKET_TYPE, "arn:" + partition + ":s3:::" + bucket,
                bucket);
    }

    /** Reports a failed call: on the resource when one is given, otherwise on the whole account. */
    void report(FactSink sink, ResourceRef resource, Set<String> factKinds, AwsCallException failure) {
        String subject = resource == null ? "" : describe(resource);
        String message = failure.describe(subject);
        if (resource == null) {
            sink.issue(new CollectionIssue(AwsProvider.ID, account, "", null, failure.operation(), factKinds,
                    failure.issueCause(), message));
        } else {
            sink.issue(CollectionIssue.forResource(resource, failure.operation(), factKinds, failure.issueCause(),
                    message));
        }
    }

    private static String describe(ResourceRef resource) {
        return switch (resource.type()) {
            case BUCKET_TYPE -> "bucket " + resource.name();
            case IAM_USER_TYPE -> "IAM user " + resource.name();
            case ROOT_USER_TYPE -> "the root user";
            case ACCOUNT_TYPE -> "account " + resource.name();
            default -> resource.nativeId();
        };
    }
}
