package dev.evidentry.provider.support;

import java.util.Set;
import java.util.TreeSet;

/** Sets of fact kinds, as a descriptor declares them. */
public final class FactKinds {

    private FactKinds() {}

    /** Every kind of every set, once: an unmodifiable set. */
    @SafeVarargs
    public static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
