package dev.preflight.graph;

/**
 * Where a resource was written. Rules' checks should not need this (they are written against kinds, for both
 * formats); reports and fixtures do, and so does a rule's fix hint, given per format in that format's syntax
 * ({@code RuleDefinition.fix(Format, String)}).
 *
 * <pre>{@code
 * rule("acme-owner-tag").fix(Format.TERRAFORM, "tags = { Owner = \"team\" }")
 *         .fix(Format.CLOUDFORMATION, "Tags: [{Key: Owner, Value: team}]")
 * }</pre>
 */
public enum Format {
    TERRAFORM, CLOUDFORMATION
}
