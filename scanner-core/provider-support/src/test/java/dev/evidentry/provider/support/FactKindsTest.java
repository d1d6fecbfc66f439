package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FactKindsTest {

    @Test
    void unionHoldsEveryKindOnce() {
        assertThat(FactKinds.union(Set.of("a", "b"), Set.of("b", "c"), Set.of())).containsExactlyInAnyOrder("a", "b",
                "c");
        assertThat(FactKinds.union()).isEmpty();
    }

    @Test
    void unionIsUnmodifiable() {
        assertThatThrownBy(() -> FactKinds.union(Set.of("a")).add("b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
