package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private final SocketTimeoutException timeout = new SocketTimeoutException("read timed out");
    private final RuntimeException wrapped = new IllegalStateException("call failed",
            new UncheckedIOException(new IOException("io", timeout)));

    @Test
    void findsACauseAnywhereInTheChain() {
        assertThat(Failures.find(wrapped, SocketTimeoutException.class)).isSameAs(timeout);
        assertThat(Failures.find(wrapped, IOException.class)).isInstanceOf(IOException.class);
        assertThat(Failures.find(wrapped, NumberFormatException.class)).isNull();
        assertThat(Failures.hasCause(wrapped, SocketTimeoutException.class)).isTrue();
        assertThat(Failures.hasCause(wrapped, NumberFormatException.class)).isFalse();
    }

    @Test
    void theRootIsTheLastCause() {
        assertThat(Failures.rootCause(wrapped)).isSameAs(timeout);
        assertThat(Failures.rootCause(timeout)).isSameAs(timeout);
    }

    @Test
    void firstLineIsStrippedAndNullIsEmpty() {
        assertThat(Failures.firstLine("  Access Denied \nat line 2")).isEqualTo("Access Denied");
        assertThat(Failures.firstLine("one line")).isEqualTo("one line");
        assertThat(Failures.firstLine(null)).isEmpty();
    }

    @Test
    void shortenKeepsAtMostTheLimit() {
        assertThat(Failures.shorten("short")).isEqualTo("short");
        assertThat(Failures.shorten("x".repeat(Failures.MAX_DETAIL))).hasSize(Failures.MAX_DETAIL);
        assertThat(Failures.shorten("x".repeat(Failures.MAX_DETAIL + 1))).hasSize(Failures.MAX_DETAIL)
                .endsWith("...");
    }
}
