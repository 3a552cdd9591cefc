package dev.preflight.graph;

/**
 * Where a resource was written. Rules' checks should not need this (they are written against kinds, for both
 * formats); reports and fixtures do, and so does a rule's fix hint, given per format in that format's syntax
 * ({@code RuleDefinition.fix(Format, String)}).
 */
public enum Format {
    TERRAFORM, CLOUDFORMATION
}
