package dev.preflight.graph;

/**
 * Identifies a resource in the graph. {@code scope} is the Terraform root module directory or the CloudFormation
 * template path; {@code address} is the Terraform address ({@code module.net.aws_subnet.private[1]},
 * {@code data.aws_vpc.main}) or the CloudFormation logical id.
 *
 * <pre>{@code
 * String where = resource.id().scope() + " " + resource.id().address();
 * }</pre>
 */
public record ResourceId(String scope, String address) implements Comparable<ResourceId> {
    @Override
    public int compareTo(ResourceId o) {
        int c = scope.compareTo(o.scope);
        return c != 0 ? c : address.compareTo(o.address);
    }

    // Written out rather than generated: a record's generated equals/hashCode are bound through invokedynamic on
    // first use, which in a cold JVM cost more (~20 ms) than everything else the graph's first index does.
    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceId other && scope.equals(other.scope) && address.equals(other.address);
    }

    @Override
    public int hashCode() {
        return 31 * scope.hashCode() + address.hashCode();
    }

    @Override
    public String toString() {
        return address;
    }
}
