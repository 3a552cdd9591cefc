package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Three-valued reading of property values for rules: what is known, what is set, what a reference points at, and
 * how a value reads in a message. Scalar conversions are the graph's ({@link dev.preflight.graph.Values}).
 *
 * <pre>{@code
 * Optional<String> zone = subnet.property("availability_zone")
 *         .flatMap(v -> Values.resolvedString(v, graph));   // follows aws_subnet.a.availability_zone
 * }</pre>
 */
public final class Values {
    /** References are followed at most this deep, so a cycle of written attributes cannot loop. */
    private static final int MAX_HOPS = 8;

    private Values() {
    }

    /** The text of a known string (a number or bool counts as its text); empty for anything else. */
    public static Optional<String> knownString(Value value) {
        // the graph's rendering, so that rules and loaders agree on "42" (not "42.0")
        return dev.preflight.graph.Values.text(value);
    }

    /** TRUE when the property is written with a value, FALSE when absent or null, UNKNOWN when it may be null. */
    public static Truth isSet(Optional<Value> property) {
        if (property.isEmpty() || property.get() instanceof Value.Null) {
            return Truth.FALSE;
        }
        // an unknown value might be null (a variable defaulting to null), so it is not definitely set
        return property.get() instanceof Value.Unknown ? Truth.UNKNOWN : Truth.TRUE;
    }

    /**
     * The value behind a reference when the referenced resource wrote it down ({@code aws_subnet.a.availability_zone}
     * gives the subnet's zone); computed attributes and data sources give {@link Value.Unknown}. Other values are
     * returned as they are.
     */
    public static Value resolve(Value value, ResourceGraph graph) {
        Value current = value;
        for (int hop = 0; hop < MAX_HOPS && current instanceof Value.Ref ref; hop++) {
            current = graph.attributeValue(ref);
            recordRead(ref, current);
        }
        return current instanceof Value.Ref ref
                ? new Value.Unknown("reference chain through " + ref.target() + " too long", ref.span())
                : current;
    }

    /** A written attribute read through a reference is part of what the running check used. */
    private static void recordRead(Value.Ref ref, Value read) {
        if (EvidenceRecorder.recording() && !(read instanceof Value.Unknown) && read.span() != null) {
            EvidenceRecorder.record(() -> Evidence.resource(read.span(), show(ref) + " = "
                    + Evidence.shorten(dev.preflight.graph.Values.describe(read))));
        }
    }

    /** The known text of {@code value} after following references to written attributes. */
    public static Optional<String> resolvedString(Value value, ResourceGraph graph) {
        return knownString(resolve(value, graph));
    }

    /** The elements of a list value, or the value itself as a one-element list when it is not a list. */
    public static List<Value> elements(Value value) {
        return value instanceof Value.ListValue list ? list.items() : List.of(value);
    }

    /**
     * Whether {@code value} refers to {@code target}. A literal id never names a resource of the scan (their ids are
     * known only after apply); an unknown value or a reference that resolves to nothing might.
     */
    public static Truth refersTo(Value value, Resource target, ResourceGraph graph) {
        if (value instanceof Value.Ref ref) {
            List<Resource> targets = graph.targets(ref);
            if (targets.isEmpty()) {
                return Truth.UNKNOWN;
            }
            return Truth.of(targets.contains(target));
        }
        if (value instanceof Value.Template t) {
            // "${aws_vpc.main.id}" is the reference itself
            if (t.parts().size() == 1) {
                return refersTo(t.parts().get(0), target, graph);
            }
            return Truth.UNKNOWN;
        }
        if (value instanceof Value.Str || value instanceof Value.Null || value instanceof Value.Num
                || value instanceof Value.Bool) {
            return Truth.FALSE;
        }
        return Truth.UNKNOWN;
    }

    /** The resources a value refers to (one for a plain reference, every instance for a counted one). */
    public static List<Resource> referencedResources(Value value, ResourceGraph graph) {
        List<Resource> out = new ArrayList<>();
        if (value instanceof Value.Ref ref) {
            out.addAll(graph.targets(ref));
        } else if (value instanceof Value.Template t && t.parts().size() == 1) {
            out.addAll(referencedResources(t.parts().get(0), graph));
        }
        return out;
    }

    /**
     * How a value is shown in messages and fingerprints: its text, or the expression it stands for; a value that is
     * not known says why, as {@code (unknown: variable `tag` has no default and no value was given)}, also as a
     * part of a string ({@code ${aws_ecr_repository.app.repository_url}:(unknown: ...)}). Fingerprints leave the
     * reasons out (see {@link #withoutUnknownReasons}).
     */
    public static String show(Value value) {
        if (value == null) {
            return "(absent)";
        }
        if (value instanceof Value.Str s) {
            return s.value();
        }
        if (value instanceof Value.Num || value instanceof Value.Bool) {
            return knownString(value).orElse("?");
        }
        if (value instanceof Value.Null) {
            return "null";
        }
        if (value instanceof Value.Ref ref) {
            return ref.target().address() + (ref.attribute().isEmpty() ? "" : "." + String.join(".", ref.attribute()));
        }
        if (value instanceof Value.Template t) {
            return t.parts().stream()
                    .map(p -> p instanceof Value.Str s ? s.value()
                            : p instanceof Value.Unknown ? show(p) : "${" + show(p) + "}")
                    .collect(Collectors.joining());
        }
        if (value instanceof Value.ListValue list) {
            return list.items().stream().map(Values::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Value.MapValue) {
            return "{...}";
        }
        if (value instanceof Value.Unknown u && u.reason() != null && !u.reason().isBlank()) {
            return UNKNOWN_PREFIX + u.reason() + ")";
        }
        return "(unknown)";
    }

    /** How {@link #show} starts an unknown value's reason. */
    private static final String UNKNOWN_PREFIX = "(unknown: ";

    /**
     * {@code shown} (a text of {@link #show}) with each unknown value's reason replaced by {@code ${?}}. A reason
     * explains a value, it does not identify it, and its wording may change between versions, so baseline
     * fingerprints must not depend on it.
     */
    public static String withoutUnknownReasons(String shown) {
        int start = shown.indexOf(UNKNOWN_PREFIX);
        if (start < 0) {
            return shown;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (start >= 0) {
            int depth = 0;
            int end = start;
            for (; end < shown.length(); end++) { // the reason may hold parentheses of its own
                char c = shown.charAt(end);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            if (end == shown.length()) {
                break; // not closed: not a reason of show's making
            }
            out.append(shown, from, start).append("${?}");
            from = end + 1;
            start = shown.indexOf(UNKNOWN_PREFIX, from);
        }
        return out.append(shown, from, shown.length()).toString();
    }
}
