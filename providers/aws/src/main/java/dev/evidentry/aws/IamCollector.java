package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.spi.fact.aws.AwsPasswordPolicy;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * IAM, a global service: the root account (GetAccountSummary), the password policy (GetAccountPasswordPolicy),
 * and every user's credentials and MFA (the credential report; ListVirtualMFADevices once for the account;
 * ListMFADevices only for MFA users who have no virtual device).
 *
 * <p>Two phases: {@link #firstTasks()} make the account-wide calls concurrently; {@link #followUpTasks()} then
 * emits the users and returns the per-user calls still needed.
 */
final class IamCollector implements ServiceCollector {

    static final Set<String> USER_KINDS = Set.of(AwsIamUser.KIND, HumanIdentity.KIND);
    static final Set<String> KINDS = Set.of(AwsIamUser.KIND, HumanIdentity.KIND, AwsRootAccount.KIND,
            AwsPasswordPolicy.KIND);

    /** First wait between polls of GenerateCredentialReport, doubled up to {@link #MAX_POLL_INTERVAL}. */
    static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_REPORT_WAIT = Duration.ofMinutes(2);

    /** Waits between polls; tests give one that does not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final IamClient iam;
    private final Scope scope;
    private final FactSink sink;
    private final Sleeper sleeper;
    private final Duration reportWait;

    // Written by the first phase's tasks, read by the follow-up phase after they have all finished.
    private volatile CredentialReportResult report;
    private volatile VirtualMfaResult virtualMfa;

    IamCollector(IamClient iam, Scope scope, FactSink sink, Sleeper sleeper, Duration reportWait) {
        this.iam = requireNonNull(iam, "iam is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.reportWait = requireNonNull(reportWait, "reportWait is null");
    }

    @Override
    public List<Task> firstTasks() {
        return List.of(
                new Task("iam:GetCredentialReport", null, USER_KINDS, this::readCredentialReport),
                new Task("iam:GetAccountSummary", scope.rootUserRef(), Set.of(AwsRootAccount.KIND),
                        this::collectRootAccount),
                new Task("iam:GetAccountPasswordPolicy", scope.accountRef(), Set.of(AwsPasswordPolicy.KIND),
                        this::collectPasswordPolicy),
                new Task("iam:ListVirtualMFADevices", null, Set.of(), this::listVirtualMfaDevices));
    }

    /** Emits every user read from the credential report; returns the ListMFADevices calls still needed. */
    @Override
    public List<Task> followUpTasks() {
        CredentialReportResult users = report;
        if (users == null) {
            return List.of(); // the report failed and was reported as an issue
        }
        List<Task> tasks = new ArrayList<>();
        for (CredentialReport.Row row : users.rows()) {
            if (row.isRoot()) {
                continue; // the root user's facts come from GetAccountSummary
            }
            ResourceRef ref = scope.iamUserRef(row.arn(), row.user());
            List<EvidenceId> reportEvidence = List.of(users.evidence());
            sink.accept(new AwsIamUser(ref, row.user(), row.createdAt(), row.passwordEnabled(), row.passwordLastUsed(),
                    row.mfaActive(), row.accessKeys(), reportEvidence));
            if (!row.mfaActive()) {
                sink.accept(identity(ref, row, MfaState.NONE, MfaMethod.NONE, reportEvidence));
                continue;
            }
            VirtualMfaResult virtual = Objects.requireNonNullElse(virtualMfa, VirtualMfaResult.NOT_RUN);
            EvidenceId virtualPage = virtual.failure() == null ? virtual.pageByUser().get(row.arn()) : null;
            if (virtualPage != null) {
                sink.accept(identity(ref, row, MfaState.ENROLLED, MfaMethod.AUTHENTICATOR_APP,
                        List.of(users.evidence(), virtualPage)));
            } else {
                // No virtual device (or the account-wide list failed): ask for this user's devices.
                tasks.add(new Task("iam:ListMFADevices", ref, Set.of(HumanIdentity.KIND),
                        () -> collectMfaDevices(ref, row, users.evidence(), virtual.failure())));
            }
        }
        return tasks;
    }

    private void readCredentialReport() {
        waitForCredentialReport();
        Evidenced<GetCredentialReportResponse> answer = AwsCalls.call("iam:GetCredentialReport",
                override -> iam.getCredentialReport(b -> b.overrideConfiguration(override)));
        if (answer.value().content() == null) {
            throw CallException.malformed("iam:GetCredentialReport", "the answer has no report content",
                    answer.evidence());
        }
        try {
            String csv = answer.value().content().asString(StandardCharsets.UTF_8);
            report = new CredentialReportResult(CredentialReport.parse(csv), answer.evidence());
        } catch (MalformedResponseException e) {
            throw CallException.malformed("iam:GetCredentialReport", e.getMessage(), answer.evidence());
        }
    }

    /** Asks IAM to generate the report until it says COMPLETE, waiting longer each time, at most {@code reportWait}. */
    private void waitForCredentialReport() {
        Duration waited = Duration.ZERO;
        Duration interval = FIRST_POLL_INTERVAL;
        while (true) {
            Evidenced<GenerateCredentialReportResponse> answer = AwsCalls.call("iam:GenerateCredentialReport",
                    override -> iam.generateCredentialReport(b -> b.overrideConfiguration(override)));
            ReportStateType state = answer.value().state();
            if (state == ReportStateType.COMPLETE) {
                return;
            }
            if (state != ReportStateType.STARTED && state != ReportStateType.INPROGRESS) {
                throw CallException.malformed("iam:GenerateCredentialReport", "the report's state is "
                        + answer.value().stateAsString() + ", not STARTED, INPROGRESS or COMPLETE", answer.evidence());
            }
            if (waited.compareTo(reportWait) >= 0) {
                throw new CallException("iam:GenerateCredentialReport", IssueCause.TIMEOUT,
                        "the credential report was still " + answer.value().stateAsString() + " after " + reportWait,
                        answer.evidence(), null);
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallException("iam:GenerateCredentialReport", IssueCause.TIMEOUT,
                        "interrupted while waiting for the credential report", answer.evidence(), e);
            }
            waited = waited.plus(interval);
            interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL
                    : interval.multipliedBy(2);
        }
    }

    private void collectRootAccount() {
        Evidenced<GetAccountSummaryResponse> answer = AwsCalls.call("iam:GetAccountSummary",
                override -> iam.getAccountSummary(b -> b.overrideConfiguration(override)));
        Map<SummaryKeyType, Integer> summary = answer.value().summaryMap();
        Integer mfa = summary.get(SummaryKeyType.ACCOUNT_MFA_ENABLED);
        Integer keys = summary.get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT);
        if (mfa == null || keys == null) {
            throw CallException.malformed("iam:GetAccountSummary", "the summary has no AccountMFAEnabled or "
                    + "AccountAccessKeysPresent entry", answer.evidence());
        }
        sink.accept(new AwsRootAccount(scope.rootUserRef(), mfa > 0, keys > 0, answer.evidenceList()));
    }

    private void collectPasswordPolicy() {
        Evidenced<GetAccountPasswordPolicyResponse> answer;
        try {
            answer = AwsCalls.call("iam:GetAccountPasswordPolicy",
                    override -> iam.getAccountPasswordPolicy(b -> b.overrideConfiguration(override)));
        } catch (CallException e) {
            if (isNoSuchEntity(e)) {
                // No policy is a fact, not a failure: the account enforces nothing beyond AWS's own rules.
                sink.accept(new AwsPasswordPolicy(scope.accountRef(), false, 0, false, false, false, false, 0, 0,
                        e.evidence().map(List::of).orElse(List.of())));
                return;
            }
            throw e;
        }
        PasswordPolicy policy = answer.value().passwordPolicy();
        if (policy == null) {
            throw CallException.malformed("iam:GetAccountPasswordPolicy", "the answer has no PasswordPolicy",
                    answer.evidence());
        }
        sink.accept(new AwsPasswordPolicy(scope.accountRef(), true,
                orZero(policy.minimumPasswordLength()),
                Boolean.TRUE.equals(policy.requireSymbols()),
                Boolean.TRUE.equals(policy.requireNumbers()),
                Boolean.TRUE.equals(policy.requireUppercaseCharacters()),
                Boolean.TRUE.equals(policy.requireLowercaseCharacters()),
                orZero(policy.passwordReusePrevention()),
                orZero(policy.maxPasswordAge()),
                answer.evidenceList()));
    }

    /** Every assigned virtual MFA device of the account, page by page: which user has one, and on which page. */
    private void listVirtualMfaDevices() {
        Map<String, EvidenceId> pageByUser = new HashMap<>();
        String marker = null;
        try {
            do {
                String page = marker;
                Evidenced<ListVirtualMfaDevicesResponse> answer = AwsCalls.call("iam:ListVirtualMFADevices",
                        override -> iam.listVirtualMFADevices(b -> b.assignmentStatus(AssignmentStatusType.ASSIGNED)
                                .marker(page).overrideConfiguration(override)));
                for (VirtualMFADevice device : answer.value().virtualMFADevices()) {
                    if (device.user() != null && device.user().arn() != null) {
                        pageByUser.putIfAbsent(device.user().arn(), answer.evidence());
                    }
                }
                marker = nextMarker(answer.value().isTruncated(), answer.value().marker(), page,
                        "iam:ListVirtualMFADevices", answer.evidence());
            } while (marker != null);
            virtualMfa = new VirtualMfaResult(Map.copyOf(pageByUser), null);
        } catch (RuntimeException e) {
            // Not an issue yet: only MFA users are affected, and each still gets a ListMFADevices call.
            virtualMfa = new VirtualMfaResult(Map.of(),
                    FailureClassifier.classify("iam:ListVirtualMFADevices", e, null));
        }
    }

    private void collectMfaDevices(ResourceRef ref, CredentialReport.Row row, EvidenceId reportEvidence,
            CallException virtualFailure) {
        List<EvidenceId> evidence = new ArrayList<>(List.of(reportEvidence));
        MfaMethod strongest = MfaMethod.NONE;
        String marker = null;
        try {
            do {
                String page = marker;
                Evidenced<ListMfaDevicesResponse> answer = AwsCalls.call("iam:ListMFADevices",
                        override -> iam.listMFADevices(b -> b.userName(row.user()).marker(page)
                                .overrideConfiguration(override)));
                evidence.add(answer.evidence());
                for (MFADevice device : answer.value().mfaDevices()) {
                    strongest = strongest.strongest(method(device.serialNumber()));
                }
                marker = nextMarker(answer.value().isTruncated(), answer.value().marker(), page, "iam:ListMFADevices",
                        answer.evidence());
            } while (marker != null);
        } catch (CallException e) {
            if (virtualFailure == null) {
                throw e;
            }
            throw new CallException(e.operation(), e.issueCause(), e.detail() + "; before it, "
                    + virtualFailure.describe(""), e.evidence().orElse(null), e);
        }
        // The live device list is fresher than the report (which IAM may have generated hours ago).
        MfaState state = strongest == MfaMethod.NONE ? MfaState.NONE : MfaState.ENROLLED;
        sink.accept(identity(ref, row, state, strongest, evidence));
    }

    /** The kind of device a serial number names: U2F/FIDO security keys and virtual devices have ARNs. */
    static MfaMethod method(String serialNumber) {
        if (serialNumber == null || serialNumber.isBlank()) {
            return MfaMethod.UNSPECIFIED;
        }
        if (!serialNumber.startsWith("arn:")) {
            return MfaMethod.HARDWARE_TOKEN;
        }
        if (serialNumber.contains(":u2f/")) {
            return MfaMethod.SECURITY_KEY;
        }
        if (serialNumber.contains(":mfa/")) {
            return MfaMethod.AUTHENTICATOR_APP;
        }
        return MfaMethod.UNSPECIFIED;
    }

    private static HumanIdentity identity(ResourceRef ref, CredentialReport.Row row, MfaState state, MfaMethod method,
            List<EvidenceId> evidence) {
        return new HumanIdentity(ref, row.user(), true, row.passwordEnabled(), state, method, evidence);
    }

    static boolean isNoSuchEntity(CallException e) {
        return e.getCause() instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null
                && "NoSuchEntity".equals(service.awsErrorDetails().errorCode());
    }

    /** The next page's marker, or null when this was the last page. A marker that does not move is malformed. */
    static String nextMarker(Boolean truncated, String next, String current, String operation, EvidenceId evidence) {
        if (!Boolean.TRUE.equals(truncated)) {
            return null;
        }
        if (next == null || next.isEmpty() || next.equals(current)) {
            throw CallException.malformed(operation, "the answer is truncated but gives no new marker", evidence);
        }
        return next;
    }

    private static int orZero(Integer value) {
        return Objects.requireNonNullElse(value, 0);
    }

    private record CredentialReportResult(List<CredentialReport.Row> rows, EvidenceId evidence) {}

    private record VirtualMfaResult(Map<String, EvidenceId> pageByUser, CallException failure) {
        static final VirtualMfaResult NOT_RUN = new VirtualMfaResult(Map.of(), new CallException(
                "iam:ListVirtualMFADevices", IssueCause.PLUGIN_FAILURE, "the call was not made", null, null));
    }
}
