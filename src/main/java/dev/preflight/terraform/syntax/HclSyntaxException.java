package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;

/** A file that is not valid HCL native syntax: where, and what was expected there. */
public final class HclSyntaxException extends Exception {
    private final transient Span where;

    public HclSyntaxException(Span where, String message) {
        super(message);
        this.where = where;
    }

    public Span where() {
        return where;
    }
}
