package dev.preflight.terraform;

import dev.preflight.source.Span;

/**
 * An expression that Terraform itself would reject (a wrong type, a call with bad arguments). The evaluator turns it
 * into an unknown value: preflight is not a Terraform validator, and a rule must not fire on a guess.
 */
final class EvalException extends RuntimeException {
    private final transient Span where;

    EvalException(Span where, String message) {
        super(message, null, false, false);
        this.where = where;
    }

    Span where() {
        return where;
    }
}
