package dev.evidentry.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.core.Version;
import dev.evidentry.core.testplugin.ActiveAccountCheck;
import dev.evidentry.core.testplugin.EncryptionCheck;
import dev.evidentry.core.testplugin.MfaCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's pipeline contract: exit codes 0, 1, 2 and 3, their precedence, filters, and the other commands. */
class EvidentryCliTest {

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvidentryCli.run(args, new EvidentryCli.Environment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), temp.resolve("home"), false));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code scan -p testcloud -o <temp>/out --no-progress}, then {@code options} as {@code -O testcloud.<option>}, then
     * {@code more}. */
    private Run scan(List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "-p", "testcloud", "-o", output().toString(),
                "--no-progress"));
        options.forEach(option -> args.addAll(List.of("-O", "testcloud." + option)));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path output() {
        return temp.resolve("out");
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("\tat ", "Exception:", "internal error");
        assertThat(run.out()).doesNotContain("\tat ");
    }

    @Test
    void exitsZeroWhenNothingFailed() {
        Run run = scan(List.of());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Findings: 5 pass, 0 fail, 0 error, 1 not applicable", "Exit code 0");
        assertThat(output().resolve("manifest.json")).isRegularFile();
    }

    @Test
    void exitsOneOnAFailureAtOrAboveTheThreshold() {
        Run run = scan(List.of("mfa=none"));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("Failures by severity: high 1", MfaCheck.ID, "alice signs in without MFA.",
                "Exit code 1: 1 failing finding(s) at or above LOW");
    }

    @ParameterizedTest(name = "a LOW failure with --fail-on {0} exits {1}")
    @CsvSource({"critical, 0", "high, 0", "medium, 0", "low, 1", "info, 1", "LOW, 1"})
    void failuresBelowTheThresholdDoNotFail(String failOn, int expected) {
        assertThat(scan(List.of("encryption=none"), "--fail-on", failOn).code()).isEqualTo(expected);
    }

    @Test
    void exitsThreeWhenSomethingCouldNotBeEvaluated() {
        Run run = scan(List.of("issue=denied"));

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).contains("1 error", "Could not collect (1 issue(s)", "storage:GetBucketEncryption",
                "--no-fail-on-error to accept");
    }

    @Test
    void exitsZeroOnErrorsWhenTheUserAcceptsThem() {
        assertThat(scan(List.of("issue=denied"), "--no-fail-on-error").code()).isZero();
    }

    @Test
    void aProviderThatCrashesExitsThree() {
        Run run = scan(List.of("crash=true"));

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).contains("plugin failure", "simulated SDK failure");
    }

    @Test
    void failuresTakePrecedenceOverErrors() {
        assertThat(scan(List.of("mfa=none", "issue=denied")).code()).isEqualTo(1);
    }

    @Test
    void rejectedCredentialsTakePrecedenceOverFailuresAndErrors() {
        Run run = scan(List.of("mfa=none", "issue=credentials"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("the scan could not run as configured",
                "The security token included in the request is invalid");
        assertThat(output().resolve("findings.jsonl")).as("the bundle is still written").isRegularFile();
    }

    @Test
    void anUnknownFlagIsAUsageErrorNamingIt() {
        Run run = run("scan", "--bogus-flag", "-o", output().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--bogus-flag", "Try 'evidentry scan --help'");
        assertNoStackTrace(run);
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required");
    }

    @Test
    void anUnknownProviderIsAUsageErrorListingTheInstalledOnes() {
        Run run = run("scan", "-p", "nope", "-o", output().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown provider 'nope'", "alpha-saas, testcloud");
        assertNoStackTrace(run);
        assertThat(output()).doesNotExist();
    }

    @Test
    void aMalformedOptionIsAUsageError() {
        Run run = run("scan", "-p", "testcloud", "-o", output().toString(), "-O", "testcloud-mfa");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not PROVIDER.KEY=VALUE");
        assertNoStackTrace(run);
    }

    @Test
    void anOptionTheProviderDoesNotKnowIsAUsageError() {
        Run run = scan(List.of("colour=blue"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("provider 'testcloud' has no option 'colour'", "crash, encryption, issue");
    }

    @Test
    void anOptionForAProviderOutsideTheScanIsAUsageError() {
        Run run = run("scan", "-p", "testcloud", "-o", output().toString(), "-O", "alpha-saas.org=x");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("provider 'alpha-saas', which is not part of this scan");
    }

    @Test
    void anInvalidCriterionIsAUsageError() {
        Run run = scan(List.of(), "--criterion", "CC9.9");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--criterion CC9.9 is not a SOC 2 criterion");
        assertNoStackTrace(run);
    }

    @Test
    void anInvalidSeverityOrConcurrencyIsAUsageError() {
        assertThat(scan(List.of(), "--fail-on", "severe").code()).isEqualTo(2);
        assertThat(scan(List.of(), "--concurrency", "0").code()).isEqualTo(2);
    }

    @Test
    void aNonEmptyOutputThatIsNoBundleIsAUsageError() throws IOException {
        Files.createDirectories(output());
        Files.writeString(output().resolve("keep-me.txt"), "mine");

        Run run = scan(List.of());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not empty and does not hold an earlier Evidentry bundle");
        assertThat(output().resolve("keep-me.txt")).hasContent("mine");
    }

    @Test
    void anUnreadableSigningKeyIsAUsageError() throws IOException {
        Path key = Files.writeString(temp.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        Run run = scan(List.of(), "--sign-key", key.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--sign-key", "is not an Ed25519 private key");
        assertNoStackTrace(run);
    }

    @Test
    void onlyTheChecksLeftAfterFiltersCount() {
        // alice has no MFA: the HIGH testpack.identity.mfa check (CC6.1, CC6.2) fails.
        List<String> noMfa = List.of("mfa=none");
        assertThat(scan(noMfa, "--check", "testpack.storage.*").code()).isZero();
        assertThat(scan(noMfa, "--check", "testpack.*").code()).isEqualTo(1);
        assertThat(scan(noMfa, "--check", "auxpack.identity.active,testpack.storage.encrypted").code()).isZero();
        assertThat(scan(noMfa, "--skip-check", "testpack.identity.mfa").code()).isZero();
        assertThat(scan(noMfa, "--skip-check", "testpack.storage.*").code()).isEqualTo(1);
        assertThat(scan(noMfa, "--criterion", "C1.1").code()).isZero();
        assertThat(scan(noMfa, "--criterion", "CC6.3,CC6.2").code()).isEqualTo(1);
        // bucket-a is not encrypted: the LOW testpack.storage.encrypted check fails.
        List<String> unencrypted = List.of("encryption=none");
        assertThat(scan(unencrypted, "--min-severity", "medium").code()).isZero();
        assertThat(scan(unencrypted, "--min-severity", "low").code()).isEqualTo(1);
        // An ERROR in a check filtered away does not count either.
        assertThat(scan(List.of("issue=denied"), "--check", "testpack.identity.mfa").code()).isZero();
    }

    @Test
    void filtersThatLeaveNoCheckAreAUsageError() {
        Run run = scan(List.of(), "--check", "nothing.matches.*");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("no check matches the filters");
    }

    @Test
    void runningOutOfMemoryIsAnInternalErrorNotAFailedCheck() {
        // Standard output that fails as a full heap would: the error surfaces while the catalogue is printed.
        PrintStream exhausted = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                throw new OutOfMemoryError("Java heap space");
            }
        }, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = EvidentryCli.run(new String[] {"checks"}, new EvidentryCli.Environment(exhausted,
                new PrintStream(err, true, StandardCharsets.UTF_8), temp.resolve("home"), false));

        assertThat(code).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ran out of memory (Java heap space)",
                "EVIDENTRY_JAVA_OPTS=-Xmx2g");
    }

    @Test
    void checksListsTheCatalogue() {
        Run run = run("checks");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("ID", "SEVERITY", "SOC 2", "TITLE");
        assertThat(run.out().lines().skip(1).map(line -> line.split("\\s+")[0]).toList())
                .containsExactly(ActiveAccountCheck.ID, MfaCheck.ID, EncryptionCheck.ID);
        assertThat(run.out()).contains("HIGH", "CC6.1,CC6.2", "Interactive identities have MFA");
        assertThat(run("checks", "--details").out()).contains("Risk: A stolen password is enough.",
                "Remediation: Enforce MFA.");
    }

    @Test
    void verifyExitsZeroForAnIntactBundleAndOneForATamperedOne() throws IOException {
        assertThat(scan(List.of()).code()).isZero();

        Run intact = run("verify", output().toString());
        assertThat(intact.code()).isZero();
        assertThat(intact.out()).contains("intact: 9 files match the manifest", "signature: none");

        Files.writeString(output().resolve("issues.jsonl"), "{\"forged\":true}\n");
        Run tampered = run("verify", output().toString());
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).contains("TAMPERED issues.jsonl: changed", "NOT INTACT");
    }

    @Test
    void verifyOfSomethingThatIsNoBundleIsAUsageError() throws IOException {
        assertThat(run("verify", temp.resolve("missing").toString()).code()).isEqualTo(2);
        Files.createDirectories(temp.resolve("empty"));
        Run run = run("verify", temp.resolve("empty").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is not an evidence bundle");
    }

    @Test
    void keygenWritesKeysThatSignAndVerify() throws IOException {
        Path privateKey = temp.resolve("keys/bundle.key");
        Path publicKey = temp.resolve("keys/bundle.pub");
        Files.createDirectories(privateKey.getParent());

        Run keygen = run("keygen", "--private-key", privateKey.toString(), "--public-key", publicKey.toString());
        assertThat(keygen.code()).isZero();
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.getPosixFilePermissions(privateKey)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        Run signed = scan(List.of(), "--sign-key", privateKey.toString());
        assertThat(signed.code()).isZero();
        assertThat(signed.out()).contains("(signed)");
        Run verified = run("verify", "--public-key", publicKey.toString(), output().toString());
        assertThat(verified.code()).isZero();
        assertThat(verified.out()).contains("signature: valid");

        Path otherPrivate = temp.resolve("keys/other.key");
        Path otherPublic = temp.resolve("keys/other.pub");
        assertThat(run("keygen", "--private-key", otherPrivate.toString(), "--public-key", otherPublic.toString())
                .code()).isZero();
        Run wrongKey = run("verify", "--public-key", otherPublic.toString(), output().toString());
        assertThat(wrongKey.code()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("signature does not match");

        Run again = run("keygen", "--private-key", privateKey.toString(), "--public-key", temp.resolve("x").toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void versionPrintsTheVersion() {
        Run run = run("--version");

        assertThat(run.code()).isZero();
        assertThat(Version.get()).isNotEqualTo("unknown").doesNotContain("${");
        assertThat(run.out()).contains("evidentry " + Version.get());
    }

    @Test
    void helpExitsZeroAndDocumentsTheExitCodes() {
        Run run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: evidentry", "scan", "verify", "keygen", "Exit codes:",
                "failing findings at or above --fail-on");
        assertThat(run("scan", "--help").code()).isZero();
    }
}
