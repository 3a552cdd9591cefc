package dev.preflight.graph;

/**
 * Identifies a resource in the graph. {@code scope} is the Terraform root module directory or the CloudFormation
 * template path; {@code address} is the Terraform address ({@code module.net.aws_subnet.private[1]},
 * {@code data.aws_vpc.main}) or the CloudFormation logical id.
 */
public record ResourceId(String scope, String address) implements Comparable<ResourceId> {
    @Override
    public int compareTo(ResourceId o) {
        int c = scope.compareTo(o.scope);
        return c != 0 ? c : address.compareTo(o.address);
    }

    @Override
    public String toString() {
        return address;
    }
}
