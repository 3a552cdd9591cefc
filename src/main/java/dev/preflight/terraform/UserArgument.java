package dev.preflight.terraform;

import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Expression;
import java.math.BigDecimal;
import java.util.List;

/**
 * The place inside an argument of a user's module call that a path leads to: {@code services.web.cpu} of
 * {@code services = { web = { cpu = 256 } }} is the line {@code cpu = 256}. It goes as deep as the path is
 * unambiguous: an "any entry" step leads on only where there is a single entry, and a key not written (the
 * module's default applies) stops it.
 */
final class UserArgument {
    /** Where the path led, and whether it led all the way (else the value may not come from this argument). */
    record Place(Span at, boolean complete) {
    }

    private UserArgument() {
    }

    /** The entry {@code path} leads to in {@code argument}, or as far as it leads. */
    static Place entry(Attribute argument, List<String> path) {
        Span at = argument.span();
        Expression e = argument.value();
        int consumed = 0;
        for (String step : path) {
            while (e instanceof Expression.Parens p) {
                e = p.inner();
            }
            if (e instanceof Expression.ObjectCons o) {
                Expression.ObjectCons.Item next = item(o, step);
                if (next == null) {
                    break;
                }
                at = next.span();
                e = next.value();
                consumed++;
            } else if (e instanceof Expression.Tuple t) {
                int i = step.equals(ArgumentOrigins.ANY) && t.elements().size() == 1 ? 0 : index(step);
                if (i < 0 || i >= t.elements().size()) {
                    break;
                }
                e = t.elements().get(i);
                at = e.span();
                consumed++;
            } else {
                break;
            }
        }
        return new Place(at, consumed == path.size());
    }

    private static Expression.ObjectCons.Item item(Expression.ObjectCons o, String step) {
        if (step.equals(ArgumentOrigins.ANY)) {
            return o.items().size() == 1 ? o.items().get(0) : null;
        }
        for (Expression.ObjectCons.Item item : o.items()) {
            if (item.key() instanceof Expression.Template t && step.equals(t.literalText())) {
                return item;
            }
        }
        return null;
    }

    private static int index(String step) {
        try {
            return new BigDecimal(step).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }
}
