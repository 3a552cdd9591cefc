package dev.preflight.dsl;

import dev.preflight.source.Span;

/**
 * A place that explains a finding beyond its own line: another resource the finding joins ("aws_subnet.public[0] is
 * in eu-west-1a"), a step of the way a deciding value came (a variable's default, {@code terraform.tfvars}, a
 * module argument, a parameter default), or, for a finding reported at a module call site, where the resource is
 * really written. Reporters show it as secondary locations; it never changes a finding's identity (fingerprint).
 *
 * <pre>{@code
 * events.violated(lb, message, span, "subnets", shown,
 *         List.of(Evidence.resource(subnet.span(), subnet.address() + " is in eu-west-1a")));
 * }</pre>
 */
public record Evidence(Span span, String message, Role role) {

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

    /** A place a deciding value came from or passed through. */
    public static Evidence valueSource(Span span, String message) {
        return new Evidence(span, message, Role.VALUE_SOURCE);
    }
}
