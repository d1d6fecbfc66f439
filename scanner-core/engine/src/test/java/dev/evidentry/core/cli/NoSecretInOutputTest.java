package dev.evidentry.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.core.testsupport.TestScans;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A careless provider puts its secret token (a secret option) and a session token it registers at run time into a raw
 * API answer, an issue message and an exception: none of it may reach any file of the bundle, the SARIF copies, the
 * terminal or the debug log.
 */
class NoSecretInOutputTest {

    private static final String TOKEN = "tc-T0ken-8d41f07c9e";
    private static final String SESSION = TestCloudProvider.SESSION_PREFIX + TOKEN;

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

    private Run leakyScan(String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "-p", "testcloud", "-o", temp.resolve("out").toString(),
                "--sarif", temp.resolve("sarif-copies").toString(), "-O", "testcloud.token=" + TOKEN,
                "-O", "testcloud.leak=true"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aSecretInEvidenceAndIssuesReachesNoOutput() throws IOException {
        Run run = leakyScan("-O", "testcloud.issue=denied");

        assertThat(run.code()).isEqualTo(3);
        assertNoSecretIn(run);
        Path out = temp.resolve("out");
        assertThat(Files.readString(out.resolve("issues.jsonl"))).as("the issue was reported, redacted")
                .contains("not authorised to read bucket-b with token [REDACTED]");
        assertThat(concatenated(out, "evidence/")).as("the evidence was kept, redacted")
                .contains("<Debug>token [REDACTED] session [REDACTED]</Debug>");
    }

    @Test
    void aSecretInAProvidersExceptionReachesNoOutputNotEvenTheDebugLog() throws IOException {
        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter();
                text.append(String.valueOf(record.getMessage()));
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                synchronized (log) {
                    log.add(text.toString());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        Run run;
        try {
            run = leakyScan("-O", "testcloud.crash=true", "--debug");
        } finally {
            root.removeHandler(capture);
            Logging.configure(false);
        }

        assertThat(run.code()).isEqualTo(3);
        assertNoSecretIn(run);
        assertThat(Files.readString(temp.resolve("out/issues.jsonl")))
                .contains("simulated SDK failure using token [REDACTED]");
        assertThat(log).as("the debug log heard of the failure").anySatisfy(entry ->
                assertThat(entry).contains("provider testcloud failed", "simulated SDK failure"));
        assertThat(log).allSatisfy(entry -> assertThat(entry).doesNotContain(TOKEN));
    }

    @Test
    void aMalformedOptionIsNotEchoedWithItsValue() {
        Run run = run("scan", "-p", "testcloud", "-o", temp.resolve("out").toString(), "-O", "testcloud-token=" + TOKEN);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("testcloud-token=", "is not PROVIDER.KEY=VALUE").doesNotContain(TOKEN);
    }

    private void assertNoSecretIn(Run run) throws IOException {
        assertThat(run.out()).doesNotContain(TOKEN);
        assertThat(run.err()).doesNotContain(TOKEN);
        List<String> files = TestScans.files(temp);
        assertThat(files).contains("out/manifest.json", "sarif-copies/testcloud-111122223333.sarif");
        for (String file : files) {
            assertThat(Files.readString(temp.resolve(file))).as(file).doesNotContain(TOKEN);
        }
    }

    private static String concatenated(Path bundle, String prefix) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String file : TestScans.files(bundle)) {
            if (file.startsWith(prefix)) {
                all.append(Files.readString(bundle.resolve(file)));
            }
        }
        return all.toString();
    }
}
