package dev.preflight.graph;

/**
 * Where a resource was written. Rules should not need this; reports and fixtures do.
 *
 * <pre>{@code
 * String name = resource.format() == Format.CLOUDFORMATION ? "BucketName" : "bucket";   // rules rarely need it
 * }</pre>
 */
public enum Format {
    TERRAFORM, CLOUDFORMATION
}
