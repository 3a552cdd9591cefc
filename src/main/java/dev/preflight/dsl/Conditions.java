package dev.preflight.dsl;

import dev.preflight.graph.Value;
import java.util.Optional;

/**
 * Reusable, generic conditions. Each turns a three-valued {@link ResourcePredicate} into events: TRUE is satisfied,
 * FALSE violated (pointing at {@code path} when the property is written), UNKNOWN stays silent. This is the safe way
 * to a condition of your own: write the test as a predicate that answers {@link Truth}, and an unknown value can
 * never become a finding.
 *
 * <pre>{@code
 * resources(Kind.ECS_SERVICE).should(Conditions.match(Predicates.haveTag("Owner"), Tags.PROPERTY))
 * resources(BUCKET).should(Conditions.have("bucket"))
 * }</pre>
 */
public final class Conditions {
    private Conditions() {
    }

    /**
     * The resource should match {@code predicate}; a violation points at the property {@code path} (at the resource
     * when the property is not written, or when {@code path} is empty).
     */
    public static ResourceCondition match(ResourcePredicate predicate, String path) {
        return ResourceCondition.of(predicate.description(), (r, g, events) -> {
            Truth t = predicate.test(r, g);
            Optional<Value> v = path.isEmpty() ? Optional.empty() : r.property(path);
            var span = v.map(Value::span).orElse(null);
            String shown = v.map(Values::show).orElse("(absent)");
            switch (t) {
                case TRUE -> events.satisfied(r, r.address() + " does " + predicate.description(), span, path, shown);
                case FALSE -> events.violated(r, r.address() + " does not " + predicate.description()
                        + (path.isEmpty() ? "" : " (" + PropertyPaths.shown(r, path) + ": "
                        + (path.equals(Tags.PROPERTY) ? tagKeys(Tags.of(r, g)) : inMessage(v)) + ")"),
                        span, path, shown);
                case UNKNOWN -> events.unknown(r, "whether " + r.address() + " does " + predicate.description()
                        + " is not known before apply");
            }
        });
    }

    /** The property {@code path} should be written and not null. */
    public static ResourceCondition have(String path) {
        return match(Predicates.have(path), path);
    }

    /** Tags by their keys, whichever format wrote them. */
    private static String tagKeys(Tags tags) {
        return tags.known().isEmpty() ? "none" : String.join(", ", tags.known().keySet());
    }

    /** How a value reads in a message: a map by its keys. */
    private static String inMessage(Optional<Value> v) {
        if (v.isPresent() && v.get() instanceof Value.MapValue map) {
            return map.entries().isEmpty() ? "{}" : "{" + String.join(", ", map.entries().keySet()) + "}";
        }
        return v.map(Values::show).orElse("(absent)");
    }
}
