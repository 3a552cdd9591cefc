package dev.preflight.dsl;

import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * Reusable, generic conditions. Each turns a three-valued {@link ResourcePredicate} into events: TRUE is satisfied,
 * FALSE violated (pointing at {@code path} when the property is written), UNKNOWN stays silent.
 */
public final class Conditions {
    private Conditions() {
    }

    /** The resource should match {@code predicate}; a violation points at the property {@code path}. */
    public static ResourceCondition match(ResourcePredicate predicate, String path) {
        return ResourceCondition.of(predicate.description(), (r, g, events) -> {
            Truth t = predicate.test(r, g);
            Optional<Value> v = r.property(path);
            var span = v.map(Value::span).orElse(null);
            String shown = v.map(Values::show).orElse("(absent)");
            switch (t) {
                case TRUE -> events.satisfied(r, r.address() + " does " + predicate.description(), span, path, shown);
                case FALSE -> events.violated(r, r.address() + " does not " + predicate.description()
                        + " (" + PropertyPaths.shown(r, path) + ": " + shown + ")", span, path, shown);
                case UNKNOWN -> events.unknown(r, "whether " + r.address() + " does " + predicate.description()
                        + " is not known before apply");
            }
        });
    }

    /** The property {@code path} should be written and not null. */
    public static ResourceCondition have(String path) {
        return match(Predicates.have(path), path);
    }
}
