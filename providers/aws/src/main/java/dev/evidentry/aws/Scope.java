package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/**
 * What one scan covers: the caller's account and partition, the region global services are called in, and the regions
 * regional services are called in. Names every resource the provider reports on.
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
    static final String VOLUME_TYPE = "aws.ec2.volume";
    static final String SECURITY_GROUP_TYPE = "aws.ec2.security-group";
    static final String INSTANCE_TYPE = "aws.ec2.instance";
    static final String MANAGED_INSTANCE_TYPE = "aws.ssm.managed-instance";
    static final String RDS_INSTANCE_TYPE = "aws.rds.instance";
    static final String TABLE_TYPE = "aws.dynamodb.table";
    static final String KMS_KEY_TYPE = "aws.kms.key";
    static final String TRAIL_TYPE = "aws.cloudtrail.trail";

    Scope {
        requireNonNull(account, "account is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(globalRegion, "globalRegion is null");
        regions = List.copyOf(requireNonNull(regions, "regions is null"));
    }

    ResourceRef accountRef() {
        return ResourceRef.forAccount(AwsProvider.ID, account); // type aws.account, native id and name the account id
    }

    /** One region of the account: what per-region settings describe and what a failed regional listing names. */
    ResourceRef regionRef(Region region) {
        return ResourceRef.forRegion(AwsProvider.ID, account, region.id());
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

    ResourceRef volumeRef(Region region, String volumeId) {
        return regional(region, VOLUME_TYPE, arn("ec2", region, "volume/" + volumeId), volumeId);
    }

    ResourceRef securityGroupRef(Region region, String groupId) {
        return regional(region, SECURITY_GROUP_TYPE, arn("ec2", region, "security-group/" + groupId), groupId);
    }

    ResourceRef instanceRef(Region region, String instanceId) {
        return regional(region, INSTANCE_TYPE, arn("ec2", region, "instance/" + instanceId), instanceId);
    }

    /** A machine outside EC2 (an {@code mi-} id) that SSM manages. */
    ResourceRef managedInstanceRef(Region region, String instanceId) {
        return regional(region, MANAGED_INSTANCE_TYPE, arn("ssm", region, "managed-instance/" + instanceId),
                instanceId);
    }

    /** An RDS instance; {@code arn} as RDS gives it, or empty to build it from the identifier. */
    ResourceRef rdsInstanceRef(Region region, String identifier, String arn) {
        return regional(region, RDS_INSTANCE_TYPE, arn == null || arn.isBlank() ? arn("rds", region, "db:" + identifier)
                : arn, identifier);
    }

    /** A DynamoDB table; {@code arn} as DynamoDB gives it, or empty to build it from the name. */
    ResourceRef tableRef(Region region, String table, String arn) {
        return regional(region, TABLE_TYPE, arn == null || arn.isBlank() ? arn("dynamodb", region, "table/" + table)
                : arn, table);
    }

    ResourceRef kmsKeyRef(Region region, String keyArn, String keyId) {
        return regional(region, KMS_KEY_TYPE, keyArn, keyId);
    }

    /** A trail, placed in its home region. */
    ResourceRef trailRef(String homeRegion, String trailArn, String name) {
        return new ResourceRef(AwsProvider.ID, account, homeRegion, TRAIL_TYPE, trailArn, name);
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    String arn(String service, Region region, String resource) {
        return "arn:" + partition + ":" + service + ":" + region.id() + ":" + account + ":" + resource;
    }

    private ResourceRef regional(Region region, String type, String nativeId, String name) {
        return new ResourceRef(AwsProvider.ID, account, region.id(), type, nativeId, name);
    }

    /**
     * Reports a failed call: on the resource when one is given (a region's own resource for a regional listing),
     * otherwise on the whole account. The message is the failure's own words; the engine adds operation and cause.
     */
    void report(FactSink sink, ResourceRef resource, Set<String> factKinds, CallException failure) {
        sink.issue(failure.issue(AwsProvider.ID, account, resource, factKinds));
    }
}
