package dev.preflight.dsl.aws;

import dev.preflight.dsl.Related;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Traversal;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.Optional;

/**
 * Whether a route table sends S3 traffic to an S3 gateway endpoint (free) rather than a NAT gateway (per GB).
 *
 * <pre>{@code
 * Truth served = S3GatewayEndpoints.serve(vpc, table, graph);
 * }</pre>
 */
public final class S3GatewayEndpoints {
    private S3GatewayEndpoints() {
    }

    /** The route table resource as subnets see it, including whether it is an adopted main route table. */
    public static RouteTable tableOf(Resource table, ResourceGraph graph) {
        return new RouteTable(table, RouteTable.adoptedMainOf(table, graph));
    }

    /**
     * Whether an S3 gateway endpoint of {@code vpc} is on {@code table}; UNKNOWN when an endpoint's VPC, service,
     * type or route tables are not known.
     */
    public static Truth serve(Resource vpc, RouteTable table, ResourceGraph graph) {
        Related endpoints = Network.endpointsOf(vpc, graph);
        if (!endpoints.complete()) {
            return Truth.UNKNOWN;
        }
        Truth any = Truth.FALSE;
        for (Resource endpoint : endpoints.resources()) {
            Optional<String> service = EcrEndpoints.serviceSuffix(endpoint);
            if (service.isEmpty()) {
                any = any.or(Truth.UNKNOWN);
            } else if (service.get().endsWith("." + EcrEndpoints.S3)) {
                any = any.or(EcrEndpoints.isGateway(endpoint).and(EcrEndpoints.servesTable(endpoint, table, graph)));
            }
        }
        return any;
    }

    /** Whether any subnet uses {@code table}: an association names it, or it is the VPC's adopted main table. */
    public static Truth usedBySubnets(RouteTable table, ResourceGraph graph) {
        if (table.mainOf() != null) {
            return Truth.TRUE;
        }
        Related associations = Traversal.referrers(Kind.ROUTE_TABLE_ASSOCIATION, "route_table_id")
                .from(table.table(), graph);
        if (!associations.isEmpty()) {
            return Truth.TRUE;
        }
        return associations.complete() ? Truth.FALSE : Truth.UNKNOWN;
    }
}
