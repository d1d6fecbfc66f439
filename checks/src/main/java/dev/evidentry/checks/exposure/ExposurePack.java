package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** What is reachable from outside the organisation. */
public final class ExposurePack implements CheckPack {

    private final List<Check> checks = List.of(
            new S3AccountPublicAccessBlockCheck(),
            new S3BucketPublicAccessBlockCheck(),
            new S3NoPublicAclCheck(),
            new NoWorldSshCheck(),
            new NoWorldRdpCheck(),
            new NoWorldAllTrafficCheck(),
            new RdsNotPublicCheck(),
            new StorageNoPublicBlobAccessCheck(),
            new GcsNoPublicBucketsCheck(),
            new GcsUniformBucketLevelAccessCheck(),
            new CloudSqlNotPublicCheck());

    @Override
    public String id() {
        return "exposure";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
