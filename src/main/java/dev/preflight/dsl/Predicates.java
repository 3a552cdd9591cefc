package dev.preflight.dsl;

import dev.preflight.graph.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reusable, generic predicates: what a property holds, whether it is written, what related resources are like. */
public final class Predicates {
    private Predicates() {
    }

    /** The property at {@code path} is written and not null (UNKNOWN when its value might be null). */
    public static ResourcePredicate have(String path) {
        return ResourcePredicate.of("have " + path, (r, g) -> Values.isSet(r.property(path)));
    }

    /**
     * The property at {@code path} is one of {@code values}; when it is absent, {@code defaultValue} counts (pass
     * null for "absent is not one of them").
     */
    public static ResourcePredicate haveValue(String path, String defaultValue, String... values) {
        List<String> allowed = Arrays.asList(values);
        String text = values.length == 1 ? values[0] : "one of " + String.join(", ", values);
        return ResourcePredicate.of("have " + path + " " + text, (r, g) -> {
            Optional<Value> v = r.property(path);
            if (Values.isSet(v) == Truth.FALSE) {
                return Truth.of(defaultValue != null && allowed.contains(defaultValue));
            }
            return Values.resolvedString(v.get(), g).map(s -> Truth.of(allowed.contains(s))).orElse(Truth.UNKNOWN);
        });
    }

    /**
     * Every resource reached by {@code traversal} matches {@code predicate}: FALSE as soon as one definitely does
     * not, TRUE only when the related set is complete and all do.
     */
    public static ResourcePredicate allRelated(Traversal traversal, ResourcePredicate predicate) {
        return ResourcePredicate.of("have all of " + traversal.description() + " " + predicate.description(),
                (r, g) -> {
                    Related related = traversal.from(r, g);
                    Truth all = related.complete() ? Truth.TRUE : Truth.UNKNOWN;
                    for (var other : related.resources()) {
                        all = all.and(predicate.test(other, g));
                    }
                    return all;
                });
    }

    /**
     * Some resource reached by {@code traversal} matches {@code predicate}: TRUE as soon as one definitely does,
     * FALSE only when the related set is complete and none does.
     */
    public static ResourcePredicate anyRelated(Traversal traversal, ResourcePredicate predicate) {
        return ResourcePredicate.of("have any of " + traversal.description() + " " + predicate.description(),
                (r, g) -> {
                    Related related = traversal.from(r, g);
                    Truth any = related.complete() ? Truth.FALSE : Truth.UNKNOWN;
                    for (var other : related.resources()) {
                        any = any.or(predicate.test(other, g));
                    }
                    return any;
                });
    }
}
