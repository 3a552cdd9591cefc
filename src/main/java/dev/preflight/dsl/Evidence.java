package dev.preflight.dsl;

import dev.preflight.graph.Provenance;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A place that explains a finding beyond its own line: another resource the finding joins ("aws_subnet.public[0] is
 * in eu-west-1a"), a step of the way a deciding value came (a variable's default, {@code terraform.tfvars}, a
 * module argument, a parameter default), or, for a finding reported at a module call site, where the resource is
 * really written. Reporters show it as secondary locations; it never changes a finding's identity (fingerprint).
 *
 * <pre>{@code
 * events.violated(lb, message, span, "subnets", shown,
 *         List.of(Evidence.resource(subnet, subnet.address() + " is in eu-west-1a")));
 * }</pre>
 *
 * <p>A rule that gives none still gets some: the value sources of the property at fault are added to every finding
 * of a DSL rule, and the resources its traversals reached and the attributes it read through references are
 * recorded while it checks a resource (see {@link ResourceCheck}).
 */
public record Evidence(Span span, String message, Role role) {
    /** Values longer than this are cut in messages: evidence is a pointer, not a dump. */
    private static final int SHOWN_VALUE_LENGTH = 60;

    /** What the location is to the finding. */
    public enum Role {
        /** Another resource the finding depends on. */
        RELATED_RESOURCE,
        /** One step of the path a deciding value took, listed from where it was written to where it is used. */
        VALUE_SOURCE,
        /** Where the resource is written, when the finding is reported elsewhere (an installed module's code). */
        DEFINITION
    }

    public Evidence {
        java.util.Objects.requireNonNull(span, "span");
        java.util.Objects.requireNonNull(message, "message");
        java.util.Objects.requireNonNull(role, "role");
    }

    /** Another resource the finding depends on, at {@code span}, with what matters about it. */
    public static Evidence resource(Span span, String message) {
        return new Evidence(span, message, Role.RELATED_RESOURCE);
    }

    /** Another resource the finding depends on, pointing at the resource as written. */
    public static Evidence resource(Resource resource, String message) {
        return resource(resource.span(), message);
    }

    /**
     * Another resource the finding depends on, pointing at its property {@code path} (the resource itself when the
     * property is not written), e.g. the subnet's {@code availability_zone} for "aws_subnet.a is in eu-west-1a".
     */
    public static Evidence property(Resource resource, String path, String message) {
        return resource(resource.spanOf(path), message);
    }

    /** A place a deciding value came from or passed through. */
    public static Evidence valueSource(Span span, String message) {
        return new Evidence(span, message, Role.VALUE_SOURCE);
    }

    /**
     * The places {@code value} came through before it reached its use, from where it was first written: {@code
     * var.azs = ["eu-west-1a"]} in {@code terraform.tfvars}, then {@code argument azs of module.network}. Empty for a
     * value written where it is used.
     */
    public static List<Evidence> valueSources(Value value) {
        return value == null ? new ArrayList<>() : of(Provenance.steps(value));
    }

    /**
     * The places a value taken out of containers came from, leaving out the finding's own place {@code shownAt}:
     * {@code way} is the value, then the containers it was taken out of, innermost first, e.g. the element
     * {@code "10.0.2.0/24"}, then {@code var.private_subnets}, whose default holds it (see {@link Provenance#steps(
     * List, Span)}).
     */
    public static List<Evidence> valueSources(List<Value> way, Span shownAt) {
        return of(Provenance.steps(way, shownAt));
    }

    private static List<Evidence> of(List<Provenance.Step> steps) {
        List<Evidence> out = new ArrayList<>();
        for (Provenance.Step step : steps) {
            String shown = shorten(dev.preflight.graph.Values.describe(step.value()));
            out.add(valueSource(step.span(), step.note() == null ? shown + " is written here"
                    : step.note() + " = " + shown));
        }
        return out;
    }

    /** One piece of evidence per resource a traversal reached, each with the message {@code describe} gives it. */
    public static List<Evidence> resources(Related related, Function<Resource, String> describe) {
        List<Evidence> out = new ArrayList<>();
        for (Resource r : related.resources()) {
            out.add(resource(r, describe.apply(r)));
        }
        return out;
    }

    /** A value's rendering cut to a length a one-line note can carry. */
    static String shorten(String shown) {
        return shown.length() <= SHOWN_VALUE_LENGTH ? shown : shown.substring(0, SHOWN_VALUE_LENGTH - 3) + "...";
    }
}
