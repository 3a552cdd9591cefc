package dev.preflight.graph;

/**
 * {@code from} references {@code to} through the property at {@code propertyPath} (e.g. {@code subnets[1]},
 * {@code vpc_id}), reading {@code attribute} of it ({@code id}, {@code Ref}, {@code Arn}).
 *
 * <pre>{@code
 * for (Edge e : graph.incoming(vpc)) {
 *     System.out.println(e.from().address() + "." + e.propertyPath() + " -> " + e.attribute());
 * }
 * }</pre>
 */
public record Edge(Resource from, String propertyPath, Resource to, String attribute) {
}
