package dev.preflight.graph;

import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step back on the way a value came to its place: {@code previous} is the value as it was at its earlier place
 * ({@code previous.span()}), {@code note} names that place as a user would ({@code var.azs}, {@code local.zones},
 * {@code argument azs of module.network}, {@code parameter Subnets}, {@code mapping RegionMap.eu-west-1.Zone}); null
 * when the loader had no name for it. The chain is persistent, shared by every value that flows on, so recording a
 * hop costs one small object, and only when a value really moves (see {@link Value#at}).
 *
 * <pre>{@code
 * for (Provenance.Step step : Provenance.steps(value)) {
 *     System.out.println(step.note() + " at " + step.span());   // e.g. "default of var.azs at variables.tf:3:13"
 * }
 * }</pre>
 */
public record Provenance(Value previous, String note) {

    /** A place a value passed through, as a rule reads it: the value there (its span is the place) and its name. */
    public record Step(Value value, String note) {
        /** Where the value was. */
        public Span span() {
            return value.span();
        }
    }

    /**
     * The places {@code value} passed through before its own span, from where it was first written to the last hop;
     * empty when it is written where it is. A step nested in an earlier one (an element of a list that came from a
     * tfvars file, and was passed on as a module argument) is a place already shown and is left out, so each place
     * appears once, under the first name it had.
     */
    public static List<Step> steps(Value value) {
        List<Step> out = new ArrayList<>();
        addSteps(out, value);
        return out;
    }

    /**
     * The places a value taken out of containers came from. {@code way} is the value, then the containers it was
     * taken out of, innermost first (an element of a list that a variable's default holds: the element, then the
     * list): the value's own way comes first, then each container's, each place once. When any of them moved, the
     * value's own place leads if it lies apart from them all (written by itself, then put in a list elsewhere); a
     * value written where it is used has no steps. Places in or around
     * {@code shownAt}, where the finding already points, are left out; it may be null.
     */
    public static List<Step> steps(List<Value> way, Span shownAt) {
        List<Step> out = new ArrayList<>();
        for (Value v : way) {
            addSteps(out, v);
        }
        boolean moved = !out.isEmpty();
        if (moved && way.get(0).span() != null && indexOfPlace(out, new Step(way.get(0), null)) < 0) {
            out.add(0, new Step(way.get(0), null));
        }
        if (shownAt != null) {
            out.removeIf(s -> nested(s.span(), shownAt));
        }
        return out;
    }

    /** Adds the places {@code value} passed through, oldest first, to {@code out}, leaving out places shown there. */
    private static void addSteps(List<Step> out, Value value) {
        List<Step> newestFirst = new ArrayList<>();
        for (Provenance p = value.provenance(); p != null; p = p.previous().provenance()) {
            newestFirst.add(new Step(p.previous(), p.note()));
        }
        Collections.reverse(newestFirst);
        for (Step s : newestFirst) {
            if (s.span() == null) {
                continue;
            }
            int shown = indexOfPlace(out, s);
            if (shown < 0) {
                out.add(s);
            } else if (out.get(shown).note() == null && s.note() != null) {
                out.set(shown, new Step(out.get(shown).value(), s.note()));
            }
        }
    }

    private static int indexOfPlace(List<Step> steps, Step s) {
        for (int i = 0; i < steps.size(); i++) {
            if (nested(s.span(), steps.get(i).span())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether two spans are the same place. Compared field by field: a record's own equals is bound through
     * invokedynamic on its first call, a cost every pre-commit run would pay, and this runs for every value that moves.
     */
    static boolean samePlace(Span a, Span b) {
        return a == b || a.line() == b.line() && a.column() == b.column() && a.endLine() == b.endLine()
                && a.endColumn() == b.endColumn() && a.file().equals(b.file());
    }

    /** Whether one of the two spans lies within the other (same file): two views of one place. */
    static boolean nested(Span a, Span b) {
        return a.file().equals(b.file()) && (contains(a, b) || contains(b, a));
    }

    private static boolean contains(Span outer, Span inner) {
        boolean startsAfter = inner.line() > outer.line()
                || (inner.line() == outer.line() && inner.column() >= outer.column());
        boolean endsBefore = inner.endLine() < outer.endLine()
                || (inner.endLine() == outer.endLine() && inner.endColumn() <= outer.endColumn());
        return startsAfter && endsBefore;
    }
}
