package dev.preflight.graph;

/** Where a resource was written. Rules should not need this; reports and fixtures do. */
public enum Format {
    TERRAFORM, CLOUDFORMATION
}
