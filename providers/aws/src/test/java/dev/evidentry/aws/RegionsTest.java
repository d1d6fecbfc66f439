package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.testkit.RecordingContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class RegionsTest {

    private static FakeAws aws;

    @BeforeAll
    static void startWireMock() {
        aws = FakeAws.start();
        aws.baseline();
    }

    @AfterAll
    static void stopWireMock() {
        aws.close();
    }

    @Test
    void keepsTheEnabledRegionsOfTheCallersPartitionOnly() {
        AwsOptions options = AwsOptions.parse(key -> Optional.ofNullable(Map.of("endpoint-url", aws.endpoint())
                .get(key)), name -> null);
        RecordingContext context = new RecordingContext(Map.of());
        try (AwsClients clients = new AwsClients(options, context,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))) {
            // Listed: us-east-1, eu-west-1, eu-south-2 (opted in), me-south-1 (not opted in), cn-north-1 (aws-cn).
            assertThat(Regions.enabled(clients.ec2(Region.US_EAST_1), "aws"))
                    .containsExactly(Region.EU_SOUTH_2, Region.EU_WEST_1, Region.US_EAST_1);
            assertThat(Regions.enabled(clients.ec2(Region.US_EAST_1), "aws-cn")).containsExactly(Region.CN_NORTH_1);
        }
    }

    @Test
    void namesPartitionsAndWhereTheirGlobalServicesLive() {
        assertThat(Regions.partitionOf("eu-west-1")).isEqualTo("aws");
        assertThat(Regions.partitionOf("cn-northwest-1")).isEqualTo("aws-cn");
        assertThat(Regions.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
        assertThat(Regions.partitionOf("xx-future-9")).isEqualTo("aws"); // unknown to this SDK: by the region pattern
        assertThat(Regions.global("aws", Region.EU_WEST_1)).isEqualTo(Region.US_EAST_1);
        assertThat(Regions.global("aws-cn", Region.CN_NORTHWEST_1)).isEqualTo(Region.CN_NORTH_1);
        assertThat(Regions.global("aws-us-gov", Region.US_GOV_EAST_1)).isEqualTo(Region.US_GOV_WEST_1);
    }
}
