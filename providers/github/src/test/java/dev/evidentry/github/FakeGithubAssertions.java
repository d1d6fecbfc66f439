package dev.evidentry.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Small assertions the provider's tests share. */
final class FakeGithubAssertions {

    private FakeGithubAssertions() {}

    static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
