package dev.evidentry.aws;

import static dev.evidentry.aws.FakeAws.ACCOUNT;
import static dev.evidentry.aws.FakeAws.ON_PREMISES;
import static dev.evidentry.aws.FakeAws.SSM;
import static dev.evidentry.aws.FakeAws.STOPPED;
import static dev.evidentry.aws.FakeAws.UNMANAGED;
import static dev.evidentry.aws.FakeAws.WITHOUT_AGENT;
import static dev.evidentry.aws.FakeAws.WITH_AGENT;
import static dev.evidentry.aws.FakeAws.error;
import static dev.evidentry.aws.FakeAws.in;
import static dev.evidentry.aws.FakeAws.inventory;
import static dev.evidentry.aws.FakeAws.json;
import static dev.evidentry.aws.FakeAws.jsonError;
import static dev.evidentry.aws.FakeAws.query;
import static dev.evidentry.aws.FakeAws.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Endpoint protection from SSM, which moto does not implement: WireMock answers DescribeInstanceInformation and
 * ListInventoryEntries with bodies shaped like AWS's documented examples (see {@code src/test/resources/aws/README.md}).
 * us-east-1 has an instance with CrowdStrike Falcon installed, one without any agent, one SSM does not manage, one
 * stopped (SSM does not list stopped instances), one terminated, and an on-premises machine with ClamAV.
 */
class AwsEndpointProtectionTest {

    private static final Instant LAST_PING = Instant.ofEpochSecond(1_767_250_800L);

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void judgesEveryMachineBySoftwareInventory() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        Map<String, EndpointProtection> endpoints = byName(result.facts(EndpointProtection.class));
        // Every machine but the terminated instance.
        assertThat(endpoints).containsOnlyKeys(WITH_AGENT, WITHOUT_AGENT, UNMANAGED, STOPPED, ON_PREMISES);
        assertThat(endpoints.values()).extracting(endpoint -> endpoint.resource().name(), EndpointProtection::hostname,
                        EndpointProtection::agent, EndpointProtection::protection)
                .containsExactlyInAnyOrder(
                        tuple(WITH_AGENT, "ip-10-0-1-10.ec2.internal", "falcon-sensor", ProtectionState.ACTIVE),
                        tuple(WITHOUT_AGENT, "ip-10-0-1-20.ec2.internal", "", ProtectionState.ABSENT),
                        tuple(UNMANAGED, "ip-10-0-1-30.ec2.internal", "", ProtectionState.UNKNOWN),
                        tuple(STOPPED, "ip-10-0-1-50.ec2.internal", "", ProtectionState.UNKNOWN),
                        tuple(ON_PREMISES, "build-01.corp.example.com", "clamav, clamav-daemon",
                                ProtectionState.ACTIVE));

        EndpointProtection falcon = endpoints.get(WITH_AGENT);
        assertThat(falcon.resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.ec2.instance",
                "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/" + WITH_AGENT, WITH_AGENT));
        assertThat(falcon.detail()).isEqualTo("found installed in SSM inventory (AWS:Application, captured "
                + "2025-12-31T22:00:00Z); inventory does not report whether it is running");
        assertThat(falcon.lastReportedIfKnown()).contains(LAST_PING);
        assertThat(falcon.signatureAgeIfKnown()).isEmpty();
        assertThat(falcon.serialNumber()).isEmpty();
        // DescribeInstances, the SSM page naming it, and both inventory pages (the agent is on the second).
        assertThat(falcon.evidence()).hasSize(4);
        assertThat(result.evidenceJson(falcon.evidence().get(0))).contains("DescribeInstances");
        assertThat(result.evidenceJson(falcon.evidence().get(1))).contains("DescribeInstanceInformation");
        assertThat(result.evidenceJson(falcon.evidence().get(3))).contains("ListInventoryEntries")
                .contains("falcon-sensor").contains("\"NextToken\" : \"aW52ZW50b3J5LXBhZ2UtMg==\"");

        assertThat(endpoints.get(WITHOUT_AGENT).detail()).isEqualTo("none of the recognised antivirus/EDR agents "
                + "(option endpoint-agents) is installed according to SSM inventory (AWS:Application, captured "
                + "2025-12-31T22:00:00Z)");
        EndpointProtection dark = endpoints.get(UNMANAGED);
        assertThat(dark.detail()).isEqualTo("not managed by SSM Systems Manager: its software cannot be seen");
        assertThat(dark.lastReportedIfKnown()).isEmpty();
        // Its absence from SSM rests on every page of the listing.
        assertThat(dark.evidence()).hasSize(3);
        assertThat(endpoints.get(STOPPED).detail()).isEqualTo("stopped, and SSM Systems Manager does not describe "
                + "stopped instances: its software cannot be seen");

        EndpointProtection onPremises = endpoints.get(ON_PREMISES);
        assertThat(onPremises.resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1",
                "aws.ssm.managed-instance", "arn:aws:ssm:us-east-1:" + ACCOUNT + ":managed-instance/" + ON_PREMISES,
                ON_PREMISES));
    }

    @Test
    void theRecognisedAgentsAreAnOption() {
        CollectionResult falconOnly = fixture.collect(Map.of("endpoint-agents", "FALCON"));

        assertThat(byName(falconOnly.facts(EndpointProtection.class)).values())
                .extracting(endpoint -> endpoint.resource().name(), EndpointProtection::protection)
                .containsExactlyInAnyOrder(tuple(WITH_AGENT, ProtectionState.ACTIVE),
                        tuple(WITHOUT_AGENT, ProtectionState.ABSENT), tuple(UNMANAGED, ProtectionState.UNKNOWN),
                        tuple(STOPPED, ProtectionState.UNKNOWN), tuple(ON_PREMISES, ProtectionState.ABSENT));

        CollectionResult ssmAgent = fixture.collect(Map.of("endpoint-agents", "amazon ssm agent, aws tools for windows"));

        assertThat(byName(ssmAgent.facts(EndpointProtection.class)).get(WITHOUT_AGENT))
                .extracting(EndpointProtection::protection, EndpointProtection::agent)
                .containsExactly(ProtectionState.ACTIVE, "AWS Tools for Windows, Amazon SSM Agent");
        assertThat(byName(ssmAgent.facts(EndpointProtection.class)).get(WITH_AGENT).protection())
                .isEqualTo(ProtectionState.ABSENT); // amazon-ssm-agent is not "amazon ssm agent"
    }

    @Test
    void aMachineWithoutInventoryCannotBeSeenInto() {
        aws.fault(inventory(WITHOUT_AGENT), json("ssm/ListInventoryEntries-not-collected.json"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        assertThat(byName(result.facts(EndpointProtection.class)).get(WITHOUT_AGENT))
                .extracting(EndpointProtection::protection, EndpointProtection::detail)
                .containsExactly(ProtectionState.UNKNOWN, "managed by SSM Systems Manager, but no software "
                        + "inventory (AWS:Application) has been collected from it: its software cannot be seen");
    }

    @Test
    void aDeniedInventoryCostsThatMachineOnly() {
        aws.fault(inventory(WITH_AGENT), jsonError(400, "ssm/AccessDeniedException.json"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("ssm:ListInventoryEntries", IssueCause.ACCESS_DENIED, Set.of(EndpointProtection.KIND));
        assertThat(issue.resource().nativeId()).isEqualTo("arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/"
                + WITH_AGENT);
        assertThat(issue.message()).startsWith("User: arn:aws:iam::111122223333:user/evidentry-auditor is not "
                + "authorized to perform: ssm:ListInventoryEntries").contains("(AccessDeniedException, HTTP 400");
        assertThat(byName(result.facts(EndpointProtection.class))).containsOnlyKeys(WITHOUT_AGENT, UNMANAGED,
                STOPPED, ON_PREMISES);
        assertThat(aws.count(FakeAws.inventoryRequested(WITH_AGENT))).isEqualTo(1); // denied is not retried
    }

    @Test
    void aFailedManagedInstanceListingCostsTheRegionsEndpoints() {
        aws.fault(in("us-east-1", target(SSM + "DescribeInstanceInformation")),
                jsonError(500, "ssm/InternalServerError.json"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::cause, CollectionIssue::factKinds,
                        CollectionIssue::resource)
                .containsExactly("ssm:DescribeInstanceInformation", IssueCause.SERVER_ERROR,
                        Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND),
                        ResourceRef.forRegion("aws", ACCOUNT, "us-east-1"));
        assertThat(issue.message()).startsWith("An error occurred on the server side. (InternalServerError, HTTP 500");
        assertThat(result.facts(EndpointProtection.class)).isEmpty(); // not even the unmanaged one: unknowable
        assertThat(aws.count(FakeAws.targeted(SSM + "ListInventoryEntries"))).isZero();
    }

    @Test
    void withoutTheInstanceListTheManagedMachinesAreStillJudged() {
        aws.fault(in("us-east-1", query("DescribeInstances")), error(403, "ec2/UnauthorizedOperation.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("ec2:DescribeInstances", IssueCause.ACCESS_DENIED, Set.of(EndpointProtection.KIND,
                        EndpointOperatingSystem.KIND, EndpointDiskEncryption.KIND));
        assertThat(byName(result.facts(EndpointProtection.class)).values())
                .extracting(endpoint -> endpoint.resource().name(), EndpointProtection::hostname,
                        EndpointProtection::protection)
                .containsExactlyInAnyOrder(
                        tuple(WITH_AGENT, "ip-10-0-1-10.ec2.internal", ProtectionState.ACTIVE),
                        tuple(WITHOUT_AGENT, "EC2AMAZ-7Q4B2TK.WORKGROUP", ProtectionState.ABSENT),
                        tuple(ON_PREMISES, "build-01.corp.example.com", ProtectionState.ACTIVE));
    }

    @Test
    void aGarbledManagedInstanceListIsMalformed() {
        aws.fault(in("us-east-1", target(SSM + "DescribeInstanceInformation")),
                json("{\"InstanceInformationList\": [{\"InstanceId\": \"i-0a1b2c3d4e5f60010\", \"PingStatus\""));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::cause,
                        CollectionIssue::factKinds)
                .containsExactly("ssm:DescribeInstanceInformation", IssueCause.MALFORMED_RESPONSE,
                        Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND));
        assertThat(result.facts(EndpointProtection.class)).isEmpty();
    }

    @Test
    void anUnimplementedSsmIsAServerErrorAsMotoAnswersIt() {
        aws.fault(target(SSM + "DescribeInstanceInformation"), FakeAws.motoNotImplemented());

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).extracting(CollectionIssue::region, CollectionIssue::cause)
                .containsExactlyInAnyOrder(tuple("us-east-1", IssueCause.SERVER_ERROR),
                        tuple("eu-west-1", IssueCause.SERVER_ERROR));
        assertThat(result.facts(EndpointProtection.class)).isEmpty();
        assertThat(aws.count(FakeAws.targeted(SSM + "DescribeInstanceInformation"))).isEqualTo(4); // retried
        assertThat(aws.count(FakeAws.targeted(SSM + "ListInventoryEntries"))).isZero();
    }

    private static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private static Map<String, EndpointProtection> byName(List<EndpointProtection> endpoints) {
        return endpoints.stream().collect(Collectors.toMap(endpoint -> endpoint.resource().name(), e -> e));
    }
}
