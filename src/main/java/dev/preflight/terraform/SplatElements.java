package dev.preflight.terraform;

import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * What a splat ({@code x[*]}, and the legacy {@code x.*}) iterates over, by HCL's rule: a list's elements; for null,
 * nothing; for any other value, that value alone, as a one-element list. So {@code aws_route_table.x.*.id} on a
 * resource without {@code count} or {@code for_each} is a list of one reference, and {@code var.obj[*].name} of an
 * object is {@code [var.obj.name]}. Where the number of elements cannot be known before apply, there is no answer.
 */
final class SplatElements {
    private SplatElements() {
    }

    /** The elements the splat visits, or empty when their number is not known. */
    static Optional<List<Value>> of(Value source, Scope scope) {
        if (source instanceof Value.ListValue l) {
            return Optional.of(l.items());
        }
        if (source instanceof Value.Null) {
            return Optional.of(List.of());
        }
        if (source instanceof Value.Unknown) {
            return Optional.empty();
        }
        if (source instanceof Value.Ref r) {
            // a whole resource is one instance when it has neither count nor for_each; an attribute may be a list
            // whose length only the provider knows
            return r.attribute().isEmpty() && scope.isSingleInstance(r.target()) ? Optional.of(List.of(source))
                    : Optional.empty();
        }
        return Optional.of(List.of(source));
    }

    /** Why {@link #of} has no answer for {@code source}. */
    static String whyUnknown(Value source) {
        if (source instanceof Value.Unknown u) {
            return u.reason();
        }
        if (source instanceof Value.Ref r && r.attribute().isEmpty()) {
            return "splat over " + r.target().address() + ", whose number of instances is unknown";
        }
        return "splat over " + Evaluator.reason(source) + ", whose length is known only after apply";
    }
}
