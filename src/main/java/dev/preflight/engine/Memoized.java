package dev.preflight.engine;

import dev.preflight.dsl.Rule;
import java.util.List;
import java.util.function.Supplier;

/** A supplier asked at most once; its rule list is copied so that the scan cannot see later changes. */
final class Memoized implements Supplier<List<Rule>> {
    private final Supplier<List<Rule>> source;
    private List<Rule> value;

    private Memoized(Supplier<List<Rule>> source) {
        this.source = source;
    }

    static Supplier<List<Rule>> of(Supplier<List<Rule>> source) {
        return source instanceof Memoized ? source : new Memoized(source);
    }

    @Override
    public synchronized List<Rule> get() {
        if (value == null) {
            value = List.copyOf(source.get());
        }
        return value;
    }
}
