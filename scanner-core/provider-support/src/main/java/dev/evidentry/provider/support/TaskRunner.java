package dev.evidentry.provider.support;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.IssueCause;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a provider's units of collection on the engine's bounded pool. The engine gives every pool task the provider's
 * context class loader, so nothing here sets one.
 */
public final class TaskRunner {

    private TaskRunner() {}

    /**
     * Runs {@code run} for every task on the pool and returns when all have finished: progress is told how many are
     * planned, and each task's {@code label} when it is done, whether it succeeded or not.
     */
    public static <T> void runAll(CollectContext context, Collection<T> tasks, Function<? super T, String> label,
            Consumer<? super T> run) {
        if (tasks.isEmpty()) {
            return;
        }
        context.progress().planned(tasks.size());
        context.forEachConcurrently(tasks, task -> {
            try {
                run.accept(task);
            } finally {
                context.progress().done(label.apply(task));
            }
        });
    }

    /**
     * Runs {@code body} so that it cannot stop its neighbours or vanish silently: a classified failure goes to
     * {@code onFailure} as it is; any other exception (a bug) goes there as a {@link IssueCause#PLUGIN_FAILURE} of
     * {@code operation}, in the words {@code bugDetail} gives it.
     */
    public static void runGuarded(String operation, Runnable body, Function<RuntimeException, String> bugDetail,
            Consumer<? super CallException> onFailure) {
        try {
            body.run();
        } catch (CallException e) {
            onFailure.accept(e);
        } catch (RuntimeException e) {
            onFailure.accept(new CallException(operation, IssueCause.PLUGIN_FAILURE, bugDetail.apply(e), null, e));
        }
    }
}
