package dev.evidentry.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.CheckPack;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.aws.AwsCloudTrailAccount;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import dev.evidentry.spi.fact.aws.AwsConfigRegion;
import dev.evidentry.spi.fact.azure.AzureActivityLogExport;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess;
import dev.evidentry.spi.fact.azure.AzureDefenderPlans;
import dev.evidentry.spi.fact.azure.AzureKeyVault;
import dev.evidentry.spi.fact.azure.AzureKeyVaultKey;
import dev.evidentry.spi.fact.azure.AzureSecurityDefaults;
import dev.evidentry.spi.fact.azure.AzureSqlDatabaseTde;
import dev.evidentry.spi.fact.azure.AzureSqlServerAuditing;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import dev.evidentry.spi.fact.gcp.GcpKmsKey;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import dev.evidentry.spi.fact.github.GithubOrganization;
import dev.evidentry.spi.fact.github.GithubRepository;
import dev.evidentry.spi.fact.github.GithubSecurityAnalysis;
import dev.evidentry.spi.fact.github.GithubVulnerabilityAlerts;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import dev.evidentry.spi.fact.gcp.GcpStorageBucketIamPolicy;
import dev.evidentry.spi.fact.gcp.WorkspaceUser;
import dev.evidentry.spi.fact.okta.OktaAdmin;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaPasswordPolicy;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import dev.evidentry.spi.fact.okta.OktaUser;
import dev.evidentry.spi.fact.okta.OktaUserFactors;
import dev.evidentry.spi.fact.aws.AwsEbsEncryptionByDefault;
import dev.evidentry.spi.fact.aws.AwsGuardDutyRegion;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.spi.fact.aws.AwsKmsKey;
import dev.evidentry.spi.fact.aws.AwsPasswordPolicy;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3Bucket;
import dev.evidentry.spi.fact.aws.AwsS3BucketAcl;
import dev.evidentry.spi.fact.aws.AwsS3BucketLogging;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketVersioning;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every check of every pack found through {@link ServiceLoader} must satisfy, whoever wrote it. */
class CheckPackConformanceTest {

    /** Every fact type of the SPI, by its KIND constant. A required kind outside this map is a typo. */
    private static final Map<Class<? extends Fact>, String> FACT_KINDS = Map.ofEntries(
            Map.entry(HumanIdentity.class, HumanIdentity.KIND),
            Map.entry(DataStoreEncryption.class, DataStoreEncryption.KIND),
            Map.entry(EndpointProtection.class, EndpointProtection.KIND),
            Map.entry(EndpointDiskEncryption.class, EndpointDiskEncryption.KIND),
            Map.entry(EndpointScreenLock.class, EndpointScreenLock.KIND),
            Map.entry(EndpointOperatingSystem.class, EndpointOperatingSystem.KIND),
            Map.entry(AwsIamUser.class, AwsIamUser.KIND),
            Map.entry(AwsRootAccount.class, AwsRootAccount.KIND),
            Map.entry(AwsPasswordPolicy.class, AwsPasswordPolicy.KIND),
            Map.entry(AwsS3Bucket.class, AwsS3Bucket.KIND),
            Map.entry(AwsS3BucketAcl.class, AwsS3BucketAcl.KIND),
            Map.entry(AwsS3BucketLogging.class, AwsS3BucketLogging.KIND),
            Map.entry(AwsS3BucketVersioning.class, AwsS3BucketVersioning.KIND),
            Map.entry(AwsS3BucketPublicAccessBlock.class, AwsS3BucketPublicAccessBlock.KIND),
            Map.entry(AwsS3AccountPublicAccessBlock.class, AwsS3AccountPublicAccessBlock.KIND),
            Map.entry(AwsEbsEncryptionByDefault.class, AwsEbsEncryptionByDefault.KIND),
            Map.entry(AwsSecurityGroup.class, AwsSecurityGroup.KIND),
            Map.entry(AwsRdsInstance.class, AwsRdsInstance.KIND),
            Map.entry(AwsKmsKey.class, AwsKmsKey.KIND),
            Map.entry(AwsCloudTrailTrail.class, AwsCloudTrailTrail.KIND),
            Map.entry(AwsCloudTrailAccount.class, AwsCloudTrailAccount.KIND),
            Map.entry(AwsGuardDutyRegion.class, AwsGuardDutyRegion.KIND),
            Map.entry(AwsConfigRegion.class, AwsConfigRegion.KIND),
            Map.entry(AzureStorageAccount.class, AzureStorageAccount.KIND),
            Map.entry(AzureSqlServerAuditing.class, AzureSqlServerAuditing.KIND),
            Map.entry(AzureSqlDatabaseTde.class, AzureSqlDatabaseTde.KIND),
            Map.entry(AzureKeyVault.class, AzureKeyVault.KIND),
            Map.entry(AzureKeyVaultKey.class, AzureKeyVaultKey.KIND),
            Map.entry(AzureDefenderPlans.class, AzureDefenderPlans.KIND),
            Map.entry(AzureActivityLogExport.class, AzureActivityLogExport.KIND),
            Map.entry(AzureSecurityDefaults.class, AzureSecurityDefaults.KIND),
            Map.entry(AzureConditionalAccess.class, AzureConditionalAccess.KIND),
            Map.entry(OktaUser.class, OktaUser.KIND),
            Map.entry(OktaUserFactors.class, OktaUserFactors.KIND),
            Map.entry(OktaAdmin.class, OktaAdmin.KIND),
            Map.entry(OktaSignOnPolicy.class, OktaSignOnPolicy.KIND),
            Map.entry(OktaAuthenticationPolicy.class, OktaAuthenticationPolicy.KIND),
            Map.entry(OktaPasswordPolicy.class, OktaPasswordPolicy.KIND),
            Map.entry(GcpStorageBucket.class, GcpStorageBucket.KIND),
            Map.entry(GcpStorageBucketIamPolicy.class, GcpStorageBucketIamPolicy.KIND),
            Map.entry(GcpSqlInstance.class, GcpSqlInstance.KIND),
            Map.entry(GcpKmsKey.class, GcpKmsKey.KIND),
            Map.entry(GcpProjectAuditLogging.class, GcpProjectAuditLogging.KIND),
            Map.entry(WorkspaceUser.class, WorkspaceUser.KIND),
            Map.entry(GithubOrganization.class, GithubOrganization.KIND),
            Map.entry(GithubRepository.class, GithubRepository.KIND),
            Map.entry(GithubBranchProtection.class, GithubBranchProtection.KIND),
            Map.entry(GithubSecurityAnalysis.class, GithubSecurityAnalysis.KIND),
            Map.entry(GithubVulnerabilityAlerts.class, GithubVulnerabilityAlerts.KIND));

    private static final String PACK_ID = "[a-z][a-z0-9-]*";
    private static final String CHECK_ID = "[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+";

    static List<CheckPack> packs() {
        return ServiceLoader.load(CheckPack.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    static Stream<Named<Check>> checks() {
        return packs().stream().flatMap(pack -> pack.checks().stream())
                .map(check -> Named.of(check.descriptor().id(), check));
    }

    @Test
    void everyDomainPackIsRegistered() {
        assertThat(packs()).extracting(CheckPack::id)
                .containsExactlyInAnyOrder("change-management", "encryption", "endpoint", "exposure", "identity",
                        "logging", "resilience", "vulnerability-management");
    }

    @Test
    void packIdsAreLowerCaseAndUnique() {
        assertThat(packs()).extracting(CheckPack::id).allMatch(id -> id.matches(PACK_ID)).doesNotHaveDuplicates();
    }

    @Test
    void checkIdsAreUniqueAcrossPacks() {
        assertThat(checks().map(Named::getPayload).map(check -> check.descriptor().id())).doesNotHaveDuplicates();
    }

    @Test
    void everyHelpResourceBelongsToACheck() throws IOException {
        Path resources = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/dev/evidentry/checks");
        Set<String> ids = checks().map(check -> check.getPayload().descriptor().id()).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(resources)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".md")))
                    .as("help files without a check of that id")
                    .allMatch(name -> ids.contains(name.substring(0, name.length() - ".md".length())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void describesItselfCompletely(Check check) {
        CheckDescriptor descriptor = check.descriptor();
        assertThat(descriptor.id()).matches(CHECK_ID);
        assertThat(descriptor.title()).isNotBlank().hasSizeLessThanOrEqualTo(80)
                .matches("[A-Z].*").doesNotEndWith(".");
        assertThat(descriptor.criteria()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(descriptor.requiredFacts()).isNotEmpty().isSubsetOf(FACT_KINDS.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void helpIsNamedAfterTheIdAndLivesBesideTheCheck(Check check) {
        CheckHelp help = CheckHelp.load(check.getClass(), check.descriptor().id());
        assertThat(help).isEqualTo(check.descriptor().help());
        assertThat(help.risk()).doesNotContain("\n## ", "\n# ");
        assertThat(help.remediation()).doesNotContain("\n## ", "\n# ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void livesInThePackageOfItsPack(Check check) {
        CheckPack pack = packs().stream().filter(candidate -> candidate.checks().stream()
                .anyMatch(member -> member.descriptor().id().equals(check.descriptor().id()))).findFirst().orElseThrow();
        // A Java package cannot hold a hyphen: pack change-management lives in dev.evidentry.checks.changemanagement.
        assertThat(check.getClass().getPackageName()).isEqualTo(pack.getClass().getPackageName())
                .isEqualTo("dev.evidentry.checks." + pack.id().replace("-", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void readsExactlyTheFactKindsItRequiresAndSaysNothingWithoutFacts(Check check) {
        Set<String> read = new HashSet<>();
        Facts recording = new Facts() {
            @Override
            public <T extends Fact> Stream<T> all(Class<T> type) {
                read.add(FACT_KINDS.getOrDefault(type, "undeclared fact type " + type.getName()));
                return Stream.empty();
            }
        };
        assertThat(check.evaluate(recording)).isEmpty();
        assertThat(read).isEqualTo(check.descriptor().requiredFacts());
    }

    @Test
    void factKindsListedHereAreTheSpiConstants() {
        assertThat(FACT_KINDS.values()).doesNotHaveDuplicates();
        assertThat(FACT_KINDS.keySet().stream().collect(Collectors.toMap(Function.identity(), type -> {
            try {
                return (String) type.getField("KIND").get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(type + " has no public KIND constant", e);
            }
        }))).isEqualTo(FACT_KINDS);
    }

    @Test
    void factKindsListedHereAreEveryFactTypeOfTheSpi() throws IOException, URISyntaxException {
        Path spi = Path.of(Fact.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> factTypes = new HashSet<>();
        try (FileSystem jar = Files.isDirectory(spi) ? null : FileSystems.newFileSystem(spi);
                Stream<Path> files = Files.walk(jar == null ? spi : jar.getPath("/"))) {
            Path root = jar == null ? spi : jar.getPath("/");
            files.map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"))
                    .filter(name -> name.startsWith("dev/evidentry/spi/") && name.endsWith(".class"))
                    .map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> Fact.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers()))
                    .forEach(factTypes::add);
        }
        assertThat(factTypes).as("fact types of the SPI in %s", spi).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(FACT_KINDS.keySet());
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Fact.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
