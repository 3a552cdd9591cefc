package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;

/** Anything in an HCL file that has a place in the source. */
public interface Node {
    /** Where this node is written, start inclusive and end exclusive. */
    Span span();
}
