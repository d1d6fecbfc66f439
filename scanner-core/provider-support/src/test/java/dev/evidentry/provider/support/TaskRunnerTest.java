package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.RawEvidence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

    private final List<String> progress = new ArrayList<>();

    @Test
    void reportsPlannedAndEveryTaskDoneEvenWhenOneThrows() {
        List<String> ran = new ArrayList<>();

        TaskRunner.runAll(context(), List.of("a", "b", "c"), task -> "did " + task, task -> {
            ran.add(task);
            if (task.equals("b")) {
                throw new IllegalStateException("boom");
            }
        });

        assertThat(ran).containsExactly("a", "b", "c");
        assertThat(progress).containsExactly("planned 3", "did a", "did b", "did c");
    }

    @Test
    void noTasksReportNothing() {
        TaskRunner.runAll(context(), List.<String>of(), task -> task, task -> {});

        assertThat(progress).isEmpty();
    }

    @Test
    void aClassifiedFailureIsPassedOnAsItIs() {
        CallException denied = new CallException("op", IssueCause.ACCESS_DENIED, "denied", null, null);
        List<CallException> failures = new ArrayList<>();

        TaskRunner.runGuarded("op", () -> {
            throw denied;
        }, e -> "bug", failures::add);

        assertThat(failures).containsExactly(denied);
    }

    @Test
    void aBugBecomesAPluginFailureOfTheOperation() {
        IllegalStateException bug = new IllegalStateException("boom");
        List<CallException> failures = new ArrayList<>();

        TaskRunner.runGuarded("s3:ListBuckets", () -> {
            throw bug;
        }, e -> "the provider failed: " + e.getMessage(), failures::add);

        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.operation()).isEqualTo("s3:ListBuckets");
            assertThat(failure.issueCause()).isEqualTo(IssueCause.PLUGIN_FAILURE);
            assertThat(failure.detail()).isEqualTo("the provider failed: boom");
            assertThat(failure.evidence()).isEmpty();
            assertThat(failure.getCause()).isSameAs(bug);
        });
    }

    @Test
    void aBodyThatSucceedsReportsNothing() {
        List<CallException> failures = new ArrayList<>();

        TaskRunner.runGuarded("op", () -> {}, e -> "bug", failures::add);

        assertThat(failures).isEmpty();
    }

    /** Runs tasks in order on this thread, rethrowing the first failure after all ran, as the engine does. */
    private CollectContext context() {
        return new CollectContext() {
            @Override
            public Optional<String> option(String key) {
                return Optional.empty();
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public EvidenceId recordEvidence(RawEvidence evidence) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> void forEachConcurrently(Collection<T> items, Consumer<T> task) {
                for (T item : items) {
                    try {
                        task.accept(item);
                    } catch (RuntimeException e) {
                        // the engine rethrows after all have run; the runner's caller does not depend on it
                    }
                }
            }

            @Override
            public void registerSecret(String value) {}

            @Override
            public Progress progress() {
                return new Progress() {
                    @Override
                    public void planned(int units) {
                        progress.add("planned " + units);
                    }

                    @Override
                    public void done(String what) {
                        progress.add(what);
                    }
                };
            }
        };
    }
}
