package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.provider.support.FactKinds;
import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Amazon Web Services, with the AWS SDK for Java v2: IAM (root account, password policy, users and their MFA) and S3
 * (buckets and their encryption, public access, ACLs, versioning and logging, and the account's Block Public Access),
 * and in every region in scope EC2 (EBS volumes and default encryption, security groups), RDS, KMS keys, DynamoDB
 * tables, CloudTrail trails, GuardDuty, AWS Config, and the endpoints among instances: protection as SSM inventory
 * shows it, operating system and last report as SSM's managed instance listing shows them, and root volume encryption.
 *
 * <p>Order of work: read the options; learn the account and partition (STS GetCallerIdentity), stopping with one
 * issue when the credentials are missing or rejected; settle the regions; then every service's listings and
 * account- or region-wide calls at once (per region for regional services), each service's per-item calls starting as
 * soon as its own listings have finished ({@link ServicePhases}). Data stores share one cache of KMS key descriptions,
 * so no key is described twice.
 */
public final class AwsProvider implements Provider {

    static final String ID = "aws";
    static final String DISPLAY_NAME = "Amazon Web Services";

    /** The kinds read region by region: what a region left out of the scan costs. */
    static final Set<String> REGIONAL_KINDS = FactKinds.union(Ec2Collector.KINDS, RdsCollector.KINDS,
            KmsCollector.KINDS, DynamoDbCollector.KINDS, CloudTrailCollector.KINDS, GuardDutyCollector.KINDS,
            ConfigCollector.KINDS, SsmCollector.KINDS);

    static final Set<String> FACT_KINDS = FactKinds.union(IamCollector.KINDS, S3Collector.KINDS, REGIONAL_KINDS);

    private static final String VERSION = ProviderVersion.of(AwsProvider.class);

    private final IamCollector.Sleeper sleeper;
    private final Duration reportWait;
    private final Function<String, String> environment;

    public AwsProvider() {
        this(duration -> Thread.sleep(duration.toMillis()), IamCollector.DEFAULT_REPORT_WAIT, System::getenv);
    }

    /** For tests: a sleeper that does not sleep, a short wait for the credential report, a fake environment. */
    AwsProvider(IamCollector.Sleeper sleeper, Duration reportWait, Function<String, String> environment) {
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.reportWait = requireNonNull(reportWait, "reportWait is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, DISPLAY_NAME, VERSION, FACT_KINDS, AwsOptions.DESCRIPTIONS, Set.of());
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        AwsOptions options;
        try {
            options = AwsOptions.parse(context::option, environment);
        } catch (AwsOptions.InvalidOptionException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, "aws:options", FACT_KINDS, IssueCause.CONFIGURATION,
                    e.getMessage()));
            return;
        }
        Region home = Regions.home(options);
        AwsCredentialsProvider source;
        try {
            source = credentials(options);
        } catch (RuntimeException e) {
            // A profile file that cannot be read, for one: nothing was sent anywhere yet.
            sink.issue(new CollectionIssue(ID, "", home.id(), null, "aws:credentials", FACT_KINDS,
                    IssueCause.CONFIGURATION, "cannot set up AWS credentials from "
                            + options.profile().map(p -> "profile '" + p + "'").orElse("the default chain") + ": "
                            + FailureClassifier.detail(e)));
            return;
        }
        try (SecretRegisteringCredentials credentials = new SecretRegisteringCredentials(source, context);
                AwsClients clients = new AwsClients(options, context, credentials)) {
            CallerIdentity caller;
            try {
                caller = identify(clients, home);
            } catch (CallException e) {
                sink.issue(new CollectionIssue(ID, "", home.id(), null, e.operation(), FACT_KINDS, e.issueCause(),
                        identityMessage(e, options)));
                return;
            }
            Region global = Regions.global(caller.partition(), home);
            Scope scope = new Scope(caller.account(), caller.partition(), global,
                    regions(options, clients, home, caller, sink));

            KmsKeys keys = new KmsKeys(clients, scope);
            RootVolumes rootVolumes = new RootVolumes(scope, sink);
            // KMS first: its per-key descriptions start before the data stores that share them ask.
            List<ServiceCollector> services = List.of(
                    new KmsCollector(clients, scope, sink, keys),
                    new IamCollector(clients.iam(global), scope, sink, sleeper, reportWait),
                    new S3Collector(clients, scope, sink),
                    new Ec2Collector(clients, scope, sink, keys, rootVolumes),
                    new RdsCollector(clients, scope, sink, keys),
                    new DynamoDbCollector(clients, scope, sink, keys),
                    new CloudTrailCollector(clients, scope, sink),
                    new GuardDutyCollector(clients, scope, sink),
                    new ConfigCollector(clients, scope, sink),
                    new SsmCollector(clients, scope, sink, options.endpointAgents(), rootVolumes));
            ServicePhases.run(context, scope, sink, services);
        }
    }

    private static AwsCredentialsProvider credentials(AwsOptions options) {
        if (options.profile().isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(options.profile().get()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** The caller's account and partition, from STS GetCallerIdentity: also proves the credentials work. */
    private static CallerIdentity identify(AwsClients clients, Region home) {
        Evidenced<GetCallerIdentityResponse> answer = AwsCalls.call("sts:GetCallerIdentity",
                override -> clients.sts(home).getCallerIdentity(b -> b.overrideConfiguration(override)));
        String account = answer.value().account();
        String arn = answer.value().arn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (account == null || !account.matches("\\d{12}") || parts.length < 6 || !parts[0].equals("arn")
                || parts[1].isEmpty()) {
            throw CallException.malformed("sts:GetCallerIdentity", "no 12-digit account or no ARN with a partition",
                    answer.evidence());
        }
        return new CallerIdentity(account, parts[1]);
    }

    private static String identityMessage(CallException e, AwsOptions options) {
        if (e.issueCause() != IssueCause.INVALID_CREDENTIALS) {
            return e.message() + "; nothing could be collected without the caller's identity";
        }
        String where = options.profile().map(profile -> "profile '" + profile + "'").orElse("the default chain");
        if (e.getCause() instanceof AwsServiceException) {
            return "AWS rejected the credentials from " + where + ": " + e.detail() + e.evidence()
                    .map(id -> " (evidence " + id + ")").orElse("") + "; check that the access key is current and "
                    + "belongs to this partition, or run aws sso login to refresh an expired SSO session";
        }
        return "no AWS credentials found in " + where + ": set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
                + " (or the provider option profile), or run aws sso login; the SDK said: " + e.detail();
    }

    /**
     * The regions in scope: the {@code regions} option (those of another partition are dropped with an issue), else
     * EC2 DescribeRegions; when that fails, the home region alone, with an issue for the regional kinds.
     */
    private static List<Region> regions(AwsOptions options, AwsClients clients, Region home, CallerIdentity caller,
            FactSink sink) {
        if (!options.regions().isEmpty()) {
            List<Region> inPartition = new ArrayList<>();
            for (Region region : options.regions()) {
                String partition = Regions.partitionOf(region.id());
                if (partition.equals(caller.partition())) {
                    inPartition.add(region);
                } else {
                    sink.issue(new CollectionIssue(ID, caller.account(), region.id(), null, "aws:options",
                            REGIONAL_KINDS, IssueCause.CONFIGURATION, "option regions: " + region.id()
                                    + " is in partition " + partition + " but the credentials belong to "
                                    + caller.partition() + "; it is not scanned"));
                }
            }
            return inPartition;
        }
        try {
            return Regions.enabled(clients.ec2(home), caller.partition());
        } catch (CallException e) {
            sink.issue(new CollectionIssue(ID, caller.account(), home.id(), null, e.operation(), REGIONAL_KINDS,
                    e.issueCause(), e.message() + "; scanning " + home.id() + " only (set the option regions to "
                            + "choose)"));
            return List.of(home);
        }
    }

    /** Who is calling: the account and the partition (from the caller's ARN). */
    private record CallerIdentity(String account, String partition) {}
}
