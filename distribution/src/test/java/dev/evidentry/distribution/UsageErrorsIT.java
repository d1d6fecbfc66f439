package dev.evidentry.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evidentry.demo.DemoEstate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person meets when the setup is wrong: one clear message, exit code 2, no stack trace. */
class UsageErrorsIT {

    @TempDir
    Path workspace;

    @Test
    void missingCredentialsAreAUsageErrorThatSaysWhatToDo() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null,
                "this machine's environment carries AWS credentials");
        try (DemoEstate estate = DemoEstate.start()) {
            Distribution.Run run = Distribution.run("scan", "--provider", "aws", "--endpoint-url", estate.endpoint(),
                    "--region", "us-east-1", "--output", workspace.resolve("out").toString(), "--no-progress");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).containsIgnoringCase("credentials").contains("AWS_");
            assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(estate.server().getAllServeEvents()).as("no unsigned call reached the endpoint").isEmpty();
        }
    }

    @Test
    void aBadEndpointUrlIsAUsageError() {
        Distribution.Run run = Distribution.run("scan", "--provider", "aws", "--endpoint-url", "not a url",
                "--output", workspace.resolve("out").toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("endpoint-url").contains("not a url");
        assertThat(run.out() + run.err()).doesNotContain("\tat ");
    }

    @Test
    void anUnknownRegionIsAUsageError() {
        Distribution.Run run = Distribution.run("scan", "--provider", "aws", "--region", "moon-central-1",
                "--endpoint-url", "http://127.0.0.1:9", "--output", workspace.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("moon-central-1");
    }

    @Test
    void anUnknownFlagIsAUsageErrorNamingIt() {
        Distribution.Run run = Distribution.run("scan", "--regoin", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--regoin").contains("evidentry scan --help");
    }
}
