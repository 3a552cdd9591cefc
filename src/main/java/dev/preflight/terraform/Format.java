package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.util.List;

/** Terraform's {@code format()} for the verbs real configurations use: {@code %s %d %v %q %%}. */
final class Format {
    private Format() {
    }

    static Value format(List<Value> args, Span span) {
        if (args.isEmpty()) {
            throw new EvalException(span, "format() needs a format string");
        }
        String spec = Values.text(args.get(0)).orElseThrow(() -> new EvalException(span, "format must be a string"));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw new EvalException(span, "format string ends with %");
            }
            char verb = spec.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if ("sdvq".indexOf(verb) < 0) {
                // widths, precisions and other verbs: not worth a guess
                return new Value.Unknown("format() verb %" + verb + " is not evaluated", span);
            }
            if (next >= args.size()) {
                throw new EvalException(span, "format() has too few arguments");
            }
            Value arg = args.get(next++);
            String text = Values.text(arg).orElseThrow(() -> new EvalException(span, "format() of a non-scalar"));
            if (verb == 'd') {
                BigDecimal n = Values.number(arg).orElseThrow(() -> new EvalException(span, "%d needs a number"));
                if (n.precision() - (long) n.scale() > dev.preflight.graph.Values.MAX_PLAIN_DIGITS) {
                    throw new EvalException(span, "format() %d of a number with more than "
                            + dev.preflight.graph.Values.MAX_PLAIN_DIGITS + " digits");
                }
                text = n.toBigInteger().toString();
            } else if (verb == 'q') {
                text = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            out.append(text);
        }
        return new Value.Str(out.toString(), span);
    }
}
