package dev.evidentry.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fewest API calls that give the checks what they need from the seeded estate, operation by operation, for the
 * operations the scan actually made ({@code counts.apiCalls} of the manifest): one call per list page, at the API's
 * largest page size; one call per resource for a per-resource setting; nothing for what another answer already gives.
 *
 * <p>Each operation the scan made is classified: an account-level read (once), a list (pages), a per-resource read
 * (one per resource of its kind), a per-region list (pages in each region in scope) or a per-region per-resource
 * read. Operations this table does not know are classified by rule of thumb, and the report flags them: a global
 * service's call counts once, an S3 {@code GetBucket*} once per bucket, anything else once per region in scope (a
 * region-level list whose resources the benchmark did not seed fits on one page). So the minimum follows the AWS
 * provider as it grows, and a new per-resource call shows up as calls beyond the minimum until it is classified here.
 */
final class MinimumCalls {

    /** The largest page each listing allows (AWS API reference). */
    static final int LIST_BUCKETS_PAGE = 10_000;
    static final int IAM_PAGE = 1_000;
    static final int DESCRIBE_VOLUMES_PAGE = 500;
    static final int KMS_LIST_KEYS_PAGE = 1_000;

    private static final Set<String> GLOBAL_SERVICES = Set.of("iam", "sts", "s3control", "organizations", "account");

    /** How an operation's minimum is counted. */
    enum Kind {
        ACCOUNT("once per account"),
        LIST("pages of an account-wide list"),
        PER_RESOURCE("once per resource"),
        REGIONAL_LIST("pages in each region"),
        REGIONAL_PER_RESOURCE("once per resource, in its region"),
        NOT_NEEDED("not needed: another answer gives it");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One operation's line in the report.
     *
     * @param operation {@code service:Operation}
     * @param calls HTTP responses the scan received for it (retries included)
     * @param minimum the fewest calls the checks need
     * @param formula how the minimum was counted, with the numbers
     * @param note why, or what moto does differently from AWS
     * @param classified false when the rule of thumb decided (see the class comment)
     * @param emulatorGap true when calls beyond the minimum are due to moto, not to the scanner
     */
    record Line(String operation, long calls, long minimum, Kind kind, String formula, String note,
            boolean classified, boolean emulatorGap) {

        long excess() {
            return calls - minimum;
        }
    }

    /** The estate and the scan's scope, as the rules see them. */
    record Scope(Estate estate, boolean regionsGiven) {

        int regions() {
            return estate.regions().size();
        }
    }

    private record Rule(Kind kind, Function<Scope, Long> minimum, Function<Scope, String> formula, String note,
            boolean emulatorGap) {

        Rule(Kind kind, Function<Scope, Long> minimum, Function<Scope, String> formula, String note) {
            this(kind, minimum, formula, note, false);
        }
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // The account.
        once("sts:GetCallerIdentity", "the account and partition");
        RULES.put("ec2:DescribeRegions", new Rule(Kind.ACCOUNT, s -> s.regionsGiven() ? 0L : 1L,
                s -> s.regionsGiven() ? "0 (--region given)" : "1", "skipped when the regions are given"));
        // IAM: the credential report lists every user with password, MFA and access-key state.
        RULES.put("iam:GenerateCredentialReport", new Rule(Kind.ACCOUNT, s -> 2L, s -> "2",
                "one request that starts the report and one poll that finds it COMPLETE (moto completes it at once;"
                        + " AWS takes seconds, so real scans poll more)"));
        once("iam:GetCredentialReport", "one answer lists every user: no ListUsers, no per-user calls");
        once("iam:GetAccountSummary", "root MFA and root access keys");
        once("iam:GetAccountPasswordPolicy", "the password policy");
        RULES.put("iam:ListVirtualMFADevices", new Rule(Kind.LIST,
                s -> pages(s.estate().virtualMfaUsers(), IAM_PAGE),
                s -> "⌈V/" + IAM_PAGE + "⌉, V = " + s.estate().virtualMfaUsers() + " virtual MFA devices",
                "which MFA users use an authenticator app"));
        RULES.put("iam:ListMFADevices", new Rule(Kind.PER_RESOURCE, s -> (long) s.estate().hardwareMfaUsers(),
                s -> "H = " + s.estate().hardwareMfaUsers() + " MFA users without a virtual device",
                "the MFA method of users ListVirtualMFADevices does not name"));
        for (String covered : List.of("iam:ListUsers", "iam:ListAccessKeys", "iam:GetLoginProfile",
                "iam:GetAccessKeyLastUsed", "iam:GetUser")) {
            RULES.put(covered, new Rule(Kind.NOT_NEEDED, s -> 0L, s -> "0", "in the credential report"));
        }
        // S3: ListBuckets, then five reads per bucket.
        RULES.put("s3:ListBuckets", new Rule(Kind.LIST, s -> pages(s.estate().buckets(), LIST_BUCKETS_PAGE),
                s -> "⌈B/" + LIST_BUCKETS_PAGE + "⌉, B = " + s.estate().buckets() + " buckets",
                "every bucket, with its region (BucketRegion) when paginated"));
        RULES.put("s3:GetBucketLocation", new Rule(Kind.NOT_NEEDED, s -> 0L, s -> "0",
                "AWS's ListBuckets gives each bucket's region (BucketRegion) when MaxBuckets is set; moto 5.2.1 leaves"
                        + " it out, so a scanner must ask each bucket's location: moto's gap, not the scanner's",
                true));
        for (String perBucket : List.of("s3:GetBucketEncryption", "s3:GetPublicAccessBlock", "s3:GetBucketAcl",
                "s3:GetBucketVersioning", "s3:GetBucketLogging")) {
            RULES.put(perBucket, new Rule(Kind.PER_RESOURCE, s -> (long) s.estate().buckets(),
                    s -> "B = " + s.estate().buckets(), "one of the five settings read for every bucket"));
        }
        once("s3control:GetPublicAccessBlock", "the account's Block Public Access");
        // Per region: lists whose resources the benchmark did not seed fit on one page.
        RULES.put("ec2:DescribeVolumes", new Rule(Kind.REGIONAL_LIST,
                s -> s.estate().volumesByRegion().values().stream().mapToLong(v -> pages(v, DESCRIBE_VOLUMES_PAGE))
                        .sum(),
                s -> "Σ ⌈vol_r/" + DESCRIBE_VOLUMES_PAGE + "⌉ = " + s.estate().volumesByRegion().values().stream()
                        .map(v -> String.valueOf(pages(v, DESCRIBE_VOLUMES_PAGE))).collect(Collectors.joining("+"))
                        + ", vol_r = " + s.estate().volumesByRegion().values(),
                "every volume with its encryption"));
        perRegion("ec2:GetEbsEncryptionByDefault", "EBS encryption by default");
        perRegion("ec2:DescribeSecurityGroups", "security groups (moto's default ones: one page)");
        perRegion("ec2:DescribeInstances", "instances (none seeded)");
        perRegion("rds:DescribeDBInstances", "RDS instances (none seeded)");
        RULES.put("kms:ListKeys", new Rule(Kind.REGIONAL_LIST,
                s -> s.estate().kmsKeysByRegion().values().stream().mapToLong(k -> pages(k, KMS_LIST_KEYS_PAGE))
                        .sum(),
                s -> "Σ ⌈keys_r/" + KMS_LIST_KEYS_PAGE + "⌉ = " + s.regions() + " × 1",
                "KMS keys"));
        RULES.put("kms:DescribeKey", new Rule(Kind.REGIONAL_PER_RESOURCE, s -> (long) s.estate().kmsKeys(),
                s -> "K = " + s.estate().kmsKeys() + " keys (moto's alias/aws/ebs, one per region with an encrypted"
                        + " volume)", "who manages each key"));
        RULES.put("kms:GetKeyRotationStatus", new Rule(Kind.REGIONAL_PER_RESOURCE, s -> (long) s.estate().kmsKeys(),
                s -> "K = " + s.estate().kmsKeys(),
                "rotation of customer-managed keys; moto reports its alias/aws/ebs keys as CUSTOMER, so a scanner"
                        + " must ask"));
        perRegion("dynamodb:ListTables", "DynamoDB tables (none seeded)");
        none("dynamodb:DescribeTable", "one per table; none seeded");
        perRegion("cloudtrail:DescribeTrails", "trails, shadow trails included (none seeded)");
        none("cloudtrail:GetTrailStatus", "one per trail; none seeded");
        perRegion("guardduty:ListDetectors", "GuardDuty detectors (none seeded)");
        none("guardduty:GetDetector", "one per detector; none seeded");
        perRegion("config:DescribeConfigurationRecorders", "Config recorders (none seeded)");
        none("config:DescribeConfigurationRecorderStatus", "only in regions that have a recorder; none seeded");
        RULES.put("ssm:DescribeInstanceInformation", new Rule(Kind.REGIONAL_LIST, s -> (long) s.regions(),
                s -> "R = " + s.regions(), "SSM managed instances; moto answers HTTP 500 (not implemented), and"
                        + " the SDK's retries of it are moto's gap, not the scanner's", true));
        none("ssm:ListInventoryEntries", "one per managed instance; none (moto implements no SSM inventory)");
        RULES.put("ec2:GetEbsDefaultKmsKeyId", new Rule(Kind.NOT_NEEDED, s -> 0L, s -> "0",
                "only where encryption by default is on (nowhere here); moto answers HTTP 500", true));
    }

    private MinimumCalls() {
    }

    /** One line per operation the scan made, in the manifest's order. */
    static List<Line> lines(Map<String, Long> apiCalls, Scope scope) {
        requireNonNull(scope, "scope is null");
        List<Line> lines = new ArrayList<>();
        new TreeMap<>(apiCalls).forEach((key, calls) -> {
            String operation = withoutProvider(key);
            Rule rule = RULES.get(operation);
            boolean classified = rule != null;
            if (rule == null) {
                rule = ruleOfThumb(operation, scope);
            }
            lines.add(new Line(operation, calls, rule.minimum().apply(scope), rule.kind(), rule.formula().apply(scope),
                    rule.note(), classified, rule.emulatorGap()));
        });
        return lines;
    }

    /** Seeded kinds the scan did not read at all: the minimum above cannot count what the scanner does not collect. */
    static List<String> unread(Map<String, Long> apiCalls, Estate estate) {
        Set<String> made = apiCalls.keySet().stream().map(MinimumCalls::withoutProvider).collect(Collectors.toSet());
        List<String> unread = new ArrayList<>();
        if (estate.users() > 0 && !made.contains("iam:GetCredentialReport")) {
            unread.add(estate.users() + " IAM users seeded, but no iam:GetCredentialReport call");
        }
        if (estate.buckets() > 0 && !made.contains("s3:ListBuckets")) {
            unread.add(estate.buckets() + " S3 buckets seeded, but no s3:ListBuckets call");
        }
        if (estate.volumes() > 0 && !made.contains("ec2:DescribeVolumes")) {
            unread.add(estate.volumes() + " EBS volumes seeded, but no ec2:DescribeVolumes call: this build of the"
                    + " AWS provider does not collect EBS, so its minimum is not counted");
        }
        return unread;
    }

    /** The general formula, for the report. */
    static String formula() {
        return """
                minimum = Σ over the operations in counts.apiCalls of:
                  1 per account-level read: sts:GetCallerIdentity, iam:GetCredentialReport, iam:GetAccountSummary,
                    iam:GetAccountPasswordPolicy, s3control:GetPublicAccessBlock
                  + 2 iam:GenerateCredentialReport (start, one poll that finds it COMPLETE)
                  + 0 ec2:DescribeRegions (--region given), 0 s3:GetBucketLocation (ListBuckets gives BucketRegion),
                    0 iam:ListUsers and other per-user IAM calls (the credential report has them)
                  + ⌈V/1000⌉ iam:ListVirtualMFADevices + H iam:ListMFADevices (MFA users without a virtual device)
                  + ⌈B/10000⌉ s3:ListBuckets + 5·B (GetBucketEncryption, GetPublicAccessBlock, GetBucketAcl,
                    GetBucketVersioning, GetBucketLogging)
                  + per region r in scope: ⌈vol_r/500⌉ ec2:DescribeVolumes, and 1 page for every other region-level
                    list call the scan made (ec2:GetEbsEncryptionByDefault, ec2:DescribeSecurityGroups,
                    ec2:DescribeInstances, rds:DescribeDBInstances, kms:ListKeys, dynamodb:ListTables,
                    cloudtrail:DescribeTrails, guardduty:ListDetectors, config:DescribeConfigurationRecorders,
                    ssm:DescribeInstanceInformation, ...)
                  + 1 per resource for per-resource reads of what exists: kms:DescribeKey and kms:GetKeyRotationStatus
                    per KMS key (moto's alias/aws/ebs key in each region with an encrypted volume); 0 for trails,
                    detectors, tables, recorders and managed instances (none seeded)
                with ⌈x/p⌉ = max(1, ceil(x/p)) pages at the API's largest page size p.""";
    }

    static long pages(long items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    static String withoutProvider(String key) {
        int first = key.indexOf(':');
        return first >= 0 && key.indexOf(':', first + 1) > first ? key.substring(first + 1) : key;
    }

    private static Rule ruleOfThumb(String operation, Scope scope) {
        String service = operation.contains(":") ? operation.substring(0, operation.indexOf(':')) : operation;
        String name = operation.substring(operation.indexOf(':') + 1);
        if (GLOBAL_SERVICES.contains(service)) {
            return new Rule(Kind.ACCOUNT, s -> 1L, s -> "1 (unclassified: a global service's call, counted once)",
                    "not in the benchmark's table");
        }
        if (service.equals("s3") && name.startsWith("GetBucket")) {
            return new Rule(Kind.PER_RESOURCE, s -> (long) s.estate().buckets(),
                    s -> "B = " + s.estate().buckets() + " (unclassified: an S3 bucket read, counted per bucket)",
                    "not in the benchmark's table");
        }
        return new Rule(Kind.REGIONAL_LIST, s -> (long) s.regions(),
                s -> "R = " + s.regions() + " (unclassified: counted as one page per region)",
                "not in the benchmark's table");
    }

    private static void once(String operation, String note) {
        RULES.put(operation, new Rule(Kind.ACCOUNT, s -> 1L, s -> "1", note));
    }

    private static void perRegion(String operation, String note) {
        RULES.put(operation, new Rule(Kind.REGIONAL_LIST, s -> (long) s.regions(), s -> "R = " + s.regions()
                + " regions × 1 page", note));
    }

    private static void none(String operation, String note) {
        RULES.put(operation, new Rule(Kind.REGIONAL_PER_RESOURCE, s -> 0L, s -> "0", note));
    }
}
