package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;

/** A node of a parsed template: mapping, sequence, scalar, intrinsic function, or a node that could not be read. */
public sealed interface TemplateNode permits MappingNode, SequenceNode, ScalarNode, FunctionNode, InvalidNode {

    /** Where the node is written, from its first character (or tag) to just after its last. */
    Span span();
}
