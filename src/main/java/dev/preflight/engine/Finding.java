package dev.preflight.engine;

import dev.preflight.source.Span;

/**
 * One thing a rule found. {@code span} is the property at fault (or the resource); {@code resource} is the address
 * of the resource, or null for findings about a file (parse errors). {@code propertyPath} and {@code value} feed the
 * baseline fingerprint, which must survive lines moving.
 */
public record Finding(String ruleId, Severity severity, String message, Span span, String resource,
                      String propertyPath, String value, String fixHint) {
}
