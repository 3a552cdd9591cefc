package dev.preflight.dsl;

import dev.preflight.source.Span;
import java.util.List;

/**
 * One thing a rule found. {@code span} is the property at fault (or the resource); {@code resource} is the address
 * of the resource, or null for findings about a file (parse errors). {@code propertyPath} and {@code value} feed the
 * baseline fingerprint, which must survive lines moving. {@code evidence} holds the other places that explain the
 * finding (see {@link Evidence}); it is never part of the fingerprint.
 *
 * <pre>{@code
 * for (Finding f : rule.check(graph)) {
 *     System.out.println(f.span().file() + ":" + f.span().line() + " [" + f.ruleId() + "] " + f.message());
 * }
 * }</pre>
 */
public record Finding(String ruleId, Severity severity, String message, Span span, String resource,
                      String propertyPath, String value, String fixHint, List<Evidence> evidence) {
    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A finding with no evidence beyond its own location. */
    public Finding(String ruleId, Severity severity, String message, Span span, String resource,
                   String propertyPath, String value, String fixHint) {
        this(ruleId, severity, message, span, resource, propertyPath, value, fixHint, List.of());
    }

    /** The same finding with another severity (a user's override). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, span, resource, propertyPath, value, fixHint, evidence);
    }
}
