package dev.preflight.graph;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small questions about {@link Value}s that loaders and rules both ask.
 *
 * <pre>{@code
 * Optional<BigDecimal> cpu = Values.number(task.property("cpu").orElseThrow());   // "256" or 256
 * }</pre>
 */
public final class Values {
    private Values() {
    }

    /** The text of a known scalar as Terraform and CloudFormation would render it, or empty when not a scalar. */
    public static Optional<String> text(Value v) {
        if (v instanceof Value.Str s) {
            return Optional.of(s.value());
        }
        if (v instanceof Value.Num n) {
            return Optional.of(numberText(n.value()));
        }
        if (v instanceof Value.Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    /** {@code 42}, not {@code 42.0} or {@code 4.2E+1}. */
    public static String numberText(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        if (!plainIsSmall(stripped)) {
            return stripped.toString();
        }
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    /** Above this many digits a number is written in scientific notation, never in full. */
    public static final int MAX_PLAIN_DIGITS = 10_000;

    /**
     * {@code n} in plain notation when that is short, else in scientific notation: {@code 1e999999999} from a hostile
     * file would otherwise become a billion zeros (a hang, then OutOfMemoryError) as soon as anything asked its text.
     */
    public static String plainText(BigDecimal n) {
        return plainIsSmall(n) ? n.toPlainString() : n.toString();
    }

    private static boolean plainIsSmall(BigDecimal n) {
        return Math.abs((long) n.scale()) <= MAX_PLAIN_DIGITS && n.precision() - (long) n.scale() <= MAX_PLAIN_DIGITS;
    }

    /** A known number, also when written as a numeric string ({@code "256"}), as both formats allow. */
    public static Optional<BigDecimal> number(Value v) {
        if (v instanceof Value.Num n) {
            return Optional.of(n.value());
        }
        if (v instanceof Value.Str s) {
            try {
                return Optional.of(new BigDecimal(s.value().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A known boolean, also when written as {@code "true"}/{@code "false"}. */
    public static Optional<Boolean> bool(Value v) {
        if (v instanceof Value.Bool b) {
            return Optional.of(b.value());
        }
        if (v instanceof Value.Str s) {
            String t = s.value().trim();
            if (t.equalsIgnoreCase("true")) {
                return Optional.of(true);
            }
            if (t.equalsIgnoreCase("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** True for a value that is absent in effect: Terraform {@code null} or CloudFormation {@code AWS::NoValue}. */
    public static boolean isNull(Value v) {
        return v == null || v instanceof Value.Null;
    }

    /** Structural equality of two known values, ignoring spans; empty when either is not fully known. */
    public static Optional<Boolean> sameKnown(Value a, Value b) {
        if (!a.isKnown() || !b.isKnown()) {
            return Optional.empty();
        }
        return Optional.of(equalIgnoringSpans(a, b));
    }

    private static boolean equalIgnoringSpans(Value a, Value b) {
        if (a instanceof Value.Num x && b instanceof Value.Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof Value.ListValue x && b instanceof Value.ListValue y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!equalIgnoringSpans(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.MapValue x && b instanceof Value.MapValue y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            for (Map.Entry<String, Value> e : x.entries().entrySet()) {
                if (!equalIgnoringSpans(e.getValue(), y.entries().get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.Null && b instanceof Value.Null) {
            return true;
        }
        Optional<String> ta = text(a);
        Optional<String> tb = text(b);
        return ta.isPresent() && tb.isPresent() && a.getClass() == b.getClass() && ta.get().equals(tb.get());
    }

    /** A short rendering for messages: {@code "192.168.1.0/24"}, {@code [a, b]}, {@code (unknown)}. */
    public static String describe(Value v) {
        if (v instanceof Value.Str s) {
            return "\"" + s.value() + "\"";
        }
        if (v instanceof Value.ListValue l) {
            StringBuilder sb = new StringBuilder("[");
            for (Iterator<Value> it = l.items().iterator(); it.hasNext(); ) {
                sb.append(describe(it.next()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append("]").toString();
        }
        if (v instanceof Value.MapValue) {
            return "{...}";
        }
        if (v instanceof Value.Ref r) {
            return r.target().address() + (r.attribute().isEmpty() ? "" : "." + String.join(".", r.attribute()));
        }
        if (v instanceof Value.Template t) {
            StringBuilder sb = new StringBuilder("\"");
            for (Value p : t.parts()) {
                sb.append(p instanceof Value.Str s ? s.value() : "${" + describe(p) + "}");
            }
            return sb.append("\"").toString();
        }
        if (v instanceof Value.Unknown) {
            return "(unknown)";
        }
        if (v instanceof Value.Null) {
            return "null";
        }
        return text(v).orElse("?");
    }

    /** The items of a list value, or empty when the value is not a known list. */
    public static Optional<List<Value>> items(Value v) {
        return v instanceof Value.ListValue l ? Optional.of(l.items()) : Optional.empty();
    }
}
