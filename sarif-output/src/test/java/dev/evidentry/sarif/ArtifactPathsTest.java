package dev.evidentry.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.ResourceRef;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArtifactPathsTest {

    @Test
    void regionalResourceIsProviderAccountRegionTypeName() {
        assertThat(ArtifactPaths.of(SampleRun.bucket("us-east-1", "my-bucket")))
                .isEqualTo("cloud/aws/123456789012/us-east-1/s3/bucket/my-bucket");
    }

    @Test
    void globalResourceSaysGlobal() {
        assertThat(ArtifactPaths.of(SampleRun.ROOT)).isEqualTo("cloud/aws/123456789012/global/iam/root-account/root");
    }

    @Test
    void oddNamesArePercentEncodedIntoOneSegment() {
        String path = ArtifactPaths.of(SampleRun.ODD_USER);

        assertThat(path).isEqualTo("cloud/aws/123456789012/global/iam/user/bob%20smith%2Fops%3A%C3%A9");
        assertThat(path.split("/")).hasSize(7);
    }

    @Test
    void pathIsARelativeUriWithoutSchemeOrColon() {
        String path = ArtifactPaths.of(SampleRun.ODD_USER);

        URI uri = URI.create(path);
        assertThat(uri.isAbsolute()).isFalse();
        assertThat(uri.getScheme()).isNull();
        assertThat(path).doesNotContain(":").doesNotStartWith("/");
        assertThat(path.split("/")[0]).isEqualTo("cloud");
    }

    @Test
    void nameCannotWalkUpThePath() {
        ResourceRef dots = new ResourceRef("gcp", "proj", "", "gcp.storage.bucket", "projects/p/buckets/x", "..");

        assertThat(ArtifactPaths.of(dots)).isEqualTo("cloud/gcp/proj/global/storage/bucket/%2E%2E");
    }

    @Test
    void unnamedResourceUsesItsNativeIdAndEmptySegmentsAreMarked() {
        ResourceRef unnamed = new ResourceRef("okta", "", "", "okta.user", "00u1abc", "");

        assertThat(ArtifactPaths.of(unnamed)).isEqualTo("cloud/okta/_/global/user/00u1abc");
    }

    @Test
    void typeNotStartingWithTheProviderIsKeptWhole() {
        ResourceRef device = new ResourceRef("endpoint", "fleet", "", "device.laptop", "serial-1", "mac-01");

        assertThat(ArtifactPaths.of(device)).isEqualTo("cloud/endpoint/fleet/global/device/laptop/mac-01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain-name_1.0|plain-name_1.0",
        "a b|a%20b",
        "a/b|a%2Fb",
        "a:b|a%3Ab",
        "a%b|a%25b",
        "a?b#c|a%3Fb%23c",
        "ü|%C3%BC",
        ".|%2E",
        "..|%2E%2E",
        "...|...",
    })
    void segmentKeepsOnlyUrlSafeCharacters(String raw, String encoded) {
        assertThat(ArtifactPaths.segment(raw)).isEqualTo(encoded);
    }
}
