package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.source.Span;

/**
 * Where a finding should point. A value that flowed from elsewhere (a variable default, a tfvars file, a module
 * input) keeps the span where it was written; a finding points at the resource's own property instead, which is
 * what the user reads as "the property at fault", unless the value is written inside the resource (its block, or a
 * template rendered into it).
 *
 * <pre>{@code
 * Span at = Locations.inResource(task, value.span(), task.spanOf("container_definitions"));
 * }</pre>
 */
public final class Locations {
    private Locations() {
    }

    /**
     * {@code preferred} when it lies inside {@code resource}'s block, or in a file its properties were rendered from
     * (a template), else {@code fallback} (may be null).
     */
    public static Span inResource(Resource resource, Span preferred, Span fallback) {
        if (preferred == null) {
            return fallback;
        }
        if (within(preferred, resource.span())) {
            return preferred;
        }
        for (Span rendered : resource.renderedFrom()) {
            if (within(preferred, rendered)) {
                return preferred;
            }
        }
        return fallback;
    }

    /** Whether {@code inner} lies within {@code outer}'s lines, in the same file. */
    public static boolean within(Span inner, Span outer) {
        return inner.file().equals(outer.file()) && inner.line() >= outer.line() && inner.endLine() <= outer.endLine();
    }
}
