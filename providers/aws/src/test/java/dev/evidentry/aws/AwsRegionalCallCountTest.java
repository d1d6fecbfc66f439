package dev.evidentry.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static dev.evidentry.aws.FakeAws.CLOUDTRAIL;
import static dev.evidentry.aws.FakeAws.CONFIG;
import static dev.evidentry.aws.FakeAws.DETECTOR;
import static dev.evidentry.aws.FakeAws.DYNAMODB;
import static dev.evidentry.aws.FakeAws.EU_CMK;
import static dev.evidentry.aws.FakeAws.EU_TRAIL;
import static dev.evidentry.aws.FakeAws.KMS;
import static dev.evidentry.aws.FakeAws.ON_PREMISES;
import static dev.evidentry.aws.FakeAws.ORG_TRAIL;
import static dev.evidentry.aws.FakeAws.SSM;
import static dev.evidentry.aws.FakeAws.UNMANAGED;
import static dev.evidentry.aws.FakeAws.US_CMK;
import static dev.evidentry.aws.FakeAws.US_DDB;
import static dev.evidentry.aws.FakeAws.US_EBS;
import static dev.evidentry.aws.FakeAws.US_OLD;
import static dev.evidentry.aws.FakeAws.US_SIGN;
import static dev.evidentry.aws.FakeAws.WITHOUT_AGENT;
import static dev.evidentry.aws.FakeAws.WITH_AGENT;
import static dev.evidentry.aws.FakeAws.guardDutyRequested;
import static dev.evidentry.aws.FakeAws.in;
import static dev.evidentry.aws.FakeAws.inventoryRequested;
import static dev.evidentry.aws.FakeAws.keyRequested;
import static dev.evidentry.aws.FakeAws.queried;
import static dev.evidentry.aws.FakeAws.targeted;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many requests the regional services cost against WireMock's baseline account: each listing once per region and
 * page, each per-item call once per item, and each KMS key described once however many volumes, instances and tables
 * use it.
 */
class AwsRegionalCallCountTest {

    /**
     * The regional requests of one baseline scan of us-east-1 and eu-west-1. Listings: DescribeVolumes 2 + 1 pages,
     * GetEbsEncryptionByDefault 2, DescribeSecurityGroups 2, DescribeInstances 2, DescribeDBInstances 2, ListKeys 2 + 1
     * pages, ListTables 2, DescribeTrails 2, ListDetectors 2, the two Config calls 2 each, DescribeInstanceInformation
     * 2 + 1 pages (27). Items: DescribeKey 6, GetKeyRotationStatus 2, DescribeTable 3, GetTrailStatus 2, GetDetector 1,
     * ListInventoryEntries 2 + 1 + 1 pages, DescribeInstancePatchStates 1 (us-east-1's three managed machines in one
     * batch) (19).
     */
    static final int BASELINE_REGIONAL_CALLS = 27 + 19;

    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void describesEachKeyOnceHoweverManyStoresUseIt() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        // The customer key backs two volumes, an RDS instance and a table, and ListKeys names it: one DescribeKey.
        assertThat(result.facts(DataStoreEncryption.class)).filteredOn(store -> store.keyId().equals(US_CMK))
                .extracting(store -> store.resource().name()).containsExactlyInAnyOrder("vol-0a1b2c3d4e5f60003",
                        "vol-0a1b2c3d4e5f60004", "billing-db", "payments", "alpha-data");
        for (String key : List.of(US_CMK, US_EBS, US_DDB, US_OLD, US_SIGN, EU_CMK)) {
            assertThat(aws.count(keyRequested("DescribeKey", key))).as("DescribeKey " + key).isEqualTo(1);
        }
        assertThat(aws.count(targeted(KMS + "DescribeKey"))).isEqualTo(6);
        assertThat(aws.count(in(EU, targeted(KMS + "DescribeKey")))).isEqualTo(1); // each key in its own region
        // Rotation is asked only of enabled symmetric customer keys: not of AWS's keys, a key pending deletion, or a
        // signing key.
        assertThat(aws.count(keyRequested("GetKeyRotationStatus", US_CMK))).isEqualTo(1);
        assertThat(aws.count(keyRequested("GetKeyRotationStatus", EU_CMK))).isEqualTo(1);
        assertThat(aws.count(targeted(KMS + "GetKeyRotationStatus"))).isEqualTo(2);
        // Both volumes on that key rest on the same DescribeKey answer.
        assertThat(result.facts(DataStoreEncryption.class)).filteredOn(store -> store.resource().name()
                        .startsWith("vol-") && store.encryption() == EncryptionAtRest.CUSTOMER_KEY)
                .extracting(store -> store.evidence().get(1)).hasSize(2).containsOnly(
                        result.facts(DataStoreEncryption.class).stream()
                                .filter(store -> store.resource().name().equals("billing-db"))
                                .findFirst().orElseThrow().evidence().get(1));
    }

    @Test
    void makesEachRegionalCallOncePerRegionAndPage() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        expect(2, 1, () -> queried("DescribeVolumes"));
        expect(1, 1, () -> queried("GetEbsEncryptionByDefault"));
        expect(1, 1, () -> queried("DescribeSecurityGroups"));
        expect(1, 1, () -> queried("DescribeInstances"));
        expect(1, 1, () -> queried("DescribeDBInstances"));
        expect(2, 1, () -> targeted(KMS + "ListKeys"));
        expect(1, 1, () -> targeted(DYNAMODB + "ListTables"));
        expect(1, 1, () -> targeted(CLOUDTRAIL + "DescribeTrails"));
        expect(1, 1, () -> guardDutyRequested("/detector"));
        expect(1, 1, () -> targeted(CONFIG + "DescribeConfigurationRecorders"));
        expect(1, 1, () -> targeted(CONFIG + "DescribeConfigurationRecorderStatus"));
        expect(2, 1, () -> targeted(SSM + "DescribeInstanceInformation"));

        for (String table : List.of("orders", "payments", "sessions")) {
            assertThat(aws.count(targeted(DYNAMODB + "DescribeTable").withRequestBody(
                    matchingJsonPath("$.TableName", equalTo(table))))).as(table).isEqualTo(1);
        }
        // The multi-region trail is listed by both regions but its status is read once, in its home region.
        assertThat(aws.count(in(US, trailStatus(ORG_TRAIL)))).isEqualTo(1);
        assertThat(aws.count(trailStatus(ORG_TRAIL))).isEqualTo(1);
        assertThat(aws.count(in(EU, trailStatus(EU_TRAIL)))).isEqualTo(1);
        assertThat(aws.count(guardDutyRequested("/detector/" + DETECTOR))).isEqualTo(1);
        assertThat(aws.count(inventoryRequested(WITH_AGENT))).isEqualTo(2); // two pages
        assertThat(aws.count(inventoryRequested(WITHOUT_AGENT))).isEqualTo(1);
        assertThat(aws.count(inventoryRequested(ON_PREMISES))).isEqualTo(1);
        assertThat(aws.count(inventoryRequested(UNMANAGED))).isZero(); // SSM does not know it
        assertThat(aws.count(inventoryRequested("i-0a1b2c3d4e5f60040"))).isZero(); // terminated
        assertThat(aws.count(inventoryRequested(FakeAws.STOPPED))).isZero(); // stopped: SSM does not list it

        // Every regional request, nothing more: STS, IAM and S3 make the other 23.
        assertThat(aws.server.getAllServeEvents()).hasSize(23 + BASELINE_REGIONAL_CALLS);
        // Listings ask for the largest pages each call allows.
        assertThat(aws.count(queried("DescribeVolumes").withFormParam("MaxResults", equalTo("500")))).isEqualTo(3);
        assertThat(aws.count(queried("DescribeInstances").withFormParam("MaxResults", equalTo("1000"))))
                .isEqualTo(2);
        assertThat(aws.count(targeted(CLOUDTRAIL + "DescribeTrails").withRequestBody(
                matchingJsonPath("$.includeShadowTrails", equalTo("true"))))).isEqualTo(2);
        assertThat(aws.count(targeted(SSM + "ListInventoryEntries").withRequestBody(
                matchingJsonPath("$.TypeName", equalTo("AWS:Application"))))).isEqualTo(4);
    }

    @Test
    void everyRegionInScopeIsAskedWhenEc2ListsTheRegions() {
        CollectionResult result = ProviderTestKit.load("aws").collect(Map.of("endpoint-url", aws.endpoint(),
                "max-attempts", "2"));

        assertThat(result.issues()).isEmpty();
        // DescribeRegions gives us-east-1, eu-west-1 and the opted-in eu-south-2 (not me-south-1, not cn-north-1).
        for (String region : List.of(US, EU, "eu-south-2")) {
            assertThat(aws.count(in(region, queried("GetEbsEncryptionByDefault")))).as(region).isEqualTo(1);
            assertThat(aws.count(in(region, guardDutyRequested("/detector")))).as(region).isEqualTo(1);
        }
        assertThat(aws.count(queried("GetEbsEncryptionByDefault"))).isEqualTo(3);
        assertThat(result.facts(dev.evidentry.spi.fact.aws.AwsGuardDutyRegion.class))
                .extracting(fact -> fact.resource().region()).containsExactlyInAnyOrder(US, EU, "eu-south-2");
    }

    private static RequestPatternBuilder trailStatus(String arn) {
        return targeted(CLOUDTRAIL + "GetTrailStatus").withRequestBody(matchingJsonPath("$.Name", equalTo(arn)));
    }

    private static void expect(int inUsEast1, int inEuWest1, Supplier<RequestPatternBuilder> requests) {
        String what = requests.get().build().toString();
        assertThat(aws.count(in(US, requests.get()))).as(US + " " + what).isEqualTo(inUsEast1);
        assertThat(aws.count(in(EU, requests.get()))).as(EU + " " + what).isEqualTo(inEuWest1);
        assertThat(aws.count(requests.get())).as(what).isEqualTo(inUsEast1 + inEuWest1);
    }
}
