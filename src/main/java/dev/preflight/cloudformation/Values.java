package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small questions about loaded values that the evaluator asks often. */
final class Values {
    private Values() {
    }

    /** The text CloudFormation would see for a known scalar (every scalar is a string at the API), or empty. */
    static Optional<String> text(Value value) {
        if (value instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        if (value instanceof Value.Num n) {
            return Optional.of(dev.preflight.graph.Values.plainText(n.value()));
        }
        if (value instanceof Value.Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    /** Why a value is not a known scalar, for the reason of an unknown built from it. */
    static String whyNotText(Value value) {
        if (value instanceof Value.Unknown u) {
            return u.reason();
        }
        if (value instanceof Value.Ref r) {
            return r.target().address() + (r.attribute().isEmpty() ? "" : "." + String.join(".", r.attribute()))
                    + " is known after deploy";
        }
        if (value instanceof Value.Template) {
            return "part of the text is known only at deploy time";
        }
        if (value instanceof Value.Null) {
            return "the value is AWS::NoValue";
        }
        return "a list or map where a string is expected";
    }

    /** Structural equality that ignores where the values are written. */
    static boolean same(Value a, Value b) {
        if (a instanceof Value.ListValue la && b instanceof Value.ListValue lb) {
            return sameAll(la.items(), lb.items());
        }
        if (a instanceof Value.MapValue ma && b instanceof Value.MapValue mb) {
            return sameEntries(ma.entries(), mb.entries());
        }
        if (a instanceof Value.Template ta && b instanceof Value.Template tb) {
            return sameAll(ta.parts(), tb.parts());
        }
        if (a instanceof Value.Ref ra && b instanceof Value.Ref rb) {
            return ra.target().equals(rb.target()) && ra.attribute().equals(rb.attribute());
        }
        if (a instanceof Value.Null && b instanceof Value.Null) {
            return true;
        }
        if (a instanceof Value.Unknown || b instanceof Value.Unknown) {
            return false;
        }
        Optional<String> ta = text(a);
        return ta.isPresent() && a.getClass() == b.getClass() && ta.equals(text(b));
    }

    private static boolean sameAll(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameEntries(Map<String, Value> a, Map<String, Value> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        Iterator<Map.Entry<String, Value>> it = a.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Value> e = it.next();
            if (!same(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
