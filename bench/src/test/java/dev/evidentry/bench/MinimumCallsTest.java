package dev.evidentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimumCallsTest {

    private static final MinimumCalls.Scope SCOPE = new MinimumCalls.Scope(
            new Estate(1000, BenchOptions.DEFAULT_REGIONS), true);

    @Test
    void countsFivePerBucketAndOnePagePerListing() {
        List<MinimumCalls.Line> lines = MinimumCalls.lines(Map.of(
                "aws:s3:ListBuckets", 1L,
                "aws:s3:GetBucketAcl", 1000L,
                "aws:iam:ListVirtualMFADevices", 2L,
                "aws:iam:ListMFADevices", 33L,
                "aws:ec2:DescribeVolumes", 4L), SCOPE);

        assertThat(lines).extracting(MinimumCalls.Line::operation, MinimumCalls.Line::minimum).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ec2:DescribeVolumes", 4L),
                org.assertj.core.groups.Tuple.tuple("iam:ListMFADevices", 33L),
                org.assertj.core.groups.Tuple.tuple("iam:ListVirtualMFADevices", 1L),
                org.assertj.core.groups.Tuple.tuple("s3:GetBucketAcl", 1000L),
                org.assertj.core.groups.Tuple.tuple("s3:ListBuckets", 1L));
    }

    @Test
    void needsNoRegionListWhenRegionsAreGivenNorBucketLocationsNorUserListing() {
        List<MinimumCalls.Line> lines = MinimumCalls.lines(Map.of(
                "aws:ec2:DescribeRegions", 1L, "aws:s3:GetBucketLocation", 1000L, "aws:iam:ListUsers", 1L), SCOPE);

        assertThat(lines).allSatisfy(line -> assertThat(line.minimum()).isZero());
        assertThat(lines).filteredOn(line -> line.operation().equals("s3:GetBucketLocation"))
                .allSatisfy(line -> assertThat(line.emulatorGap()).isTrue());
    }

    @Test
    void classifiesOperationsItDoesNotKnowByRuleOfThumb() {
        List<MinimumCalls.Line> lines = MinimumCalls.lines(Map.of(
                "aws:backup:ListBackupPlans", 4L, "aws:iam:GetAccountAuthorizationDetails", 1L,
                "aws:s3:GetBucketPolicyStatus", 1000L), SCOPE);

        assertThat(lines).allSatisfy(line -> assertThat(line.classified()).isFalse());
        assertThat(lines).extracting(MinimumCalls.Line::minimum).containsExactly(4L, 1L, 1000L);
    }

    @Test
    void pagesAreAtLeastOne() {
        assertThat(MinimumCalls.pages(0, 1000)).isEqualTo(1);
        assertThat(MinimumCalls.pages(1000, 1000)).isEqualTo(1);
        assertThat(MinimumCalls.pages(1001, 1000)).isEqualTo(2);
    }

    @Test
    void theSeededEstateIsSpreadOverTheRegions() {
        Estate estate = SCOPE.estate();
        assertThat(estate.bucketsByRegion().values()).containsOnly(250);
        assertThat(estate.virtualMfaUsers()).isEqualTo(34);
        assertThat(estate.hardwareMfaUsers()).isEqualTo(33);
        assertThat(estate.kmsKeys()).isEqualTo(4);
    }
}
