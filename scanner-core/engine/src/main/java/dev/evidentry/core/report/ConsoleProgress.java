package dev.evidentry.core.report;

import dev.evidentry.core.collect.ProgressListener;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on a terminal's standard error: what each provider has done so far, redrawn at most
 * five times a second. Never used when standard error is not a terminal, so logs in CI stay clean.
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final Map<String, AtomicInteger> planned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    private final AtomicLong lastDraw = new AtomicLong();
    private volatile String last = "";
    private volatile int width;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void planned(String provider, int units) {
        planned.computeIfAbsent(provider, key -> new AtomicInteger()).addAndGet(units);
        redraw(false);
    }

    @Override
    public void done(String provider, String what) {
        done.computeIfAbsent(provider, key -> new AtomicInteger()).incrementAndGet();
        last = what;
        redraw(false);
    }

    private void redraw(boolean force) {
        long now = System.nanoTime();
        long previous = lastDraw.get();
        if (!force && now - previous < REDRAW_NANOS || !lastDraw.compareAndSet(previous, now)) {
            return;
        }
        StringBuilder line = new StringBuilder("collecting");
        new java.util.TreeMap<>(done).forEach((provider, count) -> {
            AtomicInteger total = planned.get(provider);
            line.append("  ").append(provider).append(' ').append(count.get());
            if (total != null && total.get() > 0) {
                line.append('/').append(total.get());
            }
        });
        line.append("  ").append(last);
        String text = line.length() > 100 ? line.substring(0, 97) + "..." : line.toString();
        synchronized (out) {
            out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            out.flush();
            width = text.length();
        }
    }

    @Override
    public void close() {
        synchronized (out) {
            if (width > 0) {
                out.print("\r" + " ".repeat(width) + "\r");
                out.flush();
            }
        }
    }
}
