package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Related;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VPC endpoints a task needs to pull from ECR without a NAT gateway: interface endpoints for
 * {@code com.amazonaws.REGION.ecr.api} and {@code ...ecr.dkr} anywhere in the VPC (they are reached through private
 * DNS from every subnet), and an S3 gateway endpoint on the subnet's route table (image layers live in S3).
 *
 * <pre>{@code
 * Known<List<String>> missing = EcrEndpoints.missing(vpc, Network.routeTableOf(subnet, graph).value(), graph);
 * }</pre>
 */
public final class EcrEndpoints {
    public static final String ECR_API = "ecr.api";
    public static final String ECR_DKR = "ecr.dkr";
    public static final String S3 = "s3";

    private EcrEndpoints() {
    }

    /**
     * The endpoints missing for a subnet whose route table is {@code table}, in the VPC {@code vpc}: a list of
     * {@code ecr.api}, {@code ecr.dkr}, {@code s3}; unknown when an endpoint's VPC, service, type or route tables
     * are not known.
     */
    public static Known<List<String>> missing(Resource vpc, RouteTable table, ResourceGraph graph) {
        Related endpoints = Network.endpointsOf(vpc, graph);
        if (!endpoints.complete()) {
            return Known.unknown(endpoints.unknownReason());
        }
        Truth api = Truth.FALSE;
        Truth dkr = Truth.FALSE;
        Truth s3 = Truth.FALSE;
        for (Resource endpoint : endpoints.resources()) {
            Optional<String> service = serviceSuffix(endpoint);
            if (service.isEmpty()) {
                return Known.unknown("the service of " + endpoint.address() + " is not known");
            }
            String name = service.get();
            if (name.endsWith("." + ECR_API)) {
                api = Truth.TRUE;
            } else if (name.endsWith("." + ECR_DKR)) {
                // the docker endpoint only answers the registry's own host name when private DNS is on
                dkr = dkr.or(endpoint.property("private_dns_enabled")
                        .map(v -> v instanceof Value.Bool b ? Truth.of(b.value()) : Truth.UNKNOWN)
                        .orElse(Truth.TRUE));
            } else if (name.endsWith("." + S3)) {
                s3 = s3.or(isGateway(endpoint).and(servesTable(endpoint, table, graph)));
            }
        }
        if (api == Truth.UNKNOWN || dkr == Truth.UNKNOWN || s3 == Truth.UNKNOWN) {
            return Known.unknown("whether the VPC endpoints of " + vpc.address() + " serve " + table.shown()
                    + " is not known");
        }
        List<String> missing = new ArrayList<>();
        if (api.isFalse()) {
            missing.add(ECR_API);
        }
        if (dkr.isFalse()) {
            missing.add(ECR_DKR);
        }
        if (s3.isFalse()) {
            missing.add(S3);
        }
        return Known.of(missing);
    }

    /**
     * The known end of the endpoint's service name: {@code com.amazonaws.${var.region}.ecr.dkr} ends in
     * {@code .ecr.dkr} whatever the region. Empty when the end is not known.
     */
    static Optional<String> serviceSuffix(Resource endpoint) {
        Optional<Value> v = endpoint.property("service_name");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof Value.Template t) {
            String suffix = t.knownSuffix();
            // "${var.prefix}s3" could be "...amazonaws.s3" or "...somethings3": the dot must be known
            return suffix.contains(".") ? Optional.of(suffix) : Optional.empty();
        }
        return Values.knownString(v.get());
    }

    /** S3 serves ECR layers only through a gateway endpoint; Gateway is the default type in both formats. */
    static Truth isGateway(Resource endpoint) {
        Optional<Value> type = endpoint.property("vpc_endpoint_type");
        if (Values.isSet(type) == Truth.FALSE) {
            return Truth.TRUE;
        }
        return Values.knownString(type.get()).map(t -> Truth.of(t.equalsIgnoreCase("Gateway"))).orElse(Truth.UNKNOWN);
    }

    /** Whether a gateway endpoint is on {@code table}: in its {@code route_table_ids}, or by an association resource. */
    static Truth servesTable(Resource endpoint, RouteTable table, ResourceGraph graph) {
        Truth serves = Truth.FALSE;
        Optional<Value> ids = endpoint.property("route_table_ids");
        if (Values.isSet(ids) != Truth.FALSE) {
            if (!(ids.get() instanceof Value.ListValue)) {
                return Truth.UNKNOWN;
            }
            for (Value id : Values.elements(ids.get())) {
                serves = serves.or(table.isNamedBy(id, graph));
            }
        }
        // another root module's association never attaches this endpoint, unless it imports the endpoint
        for (Resource association : graph.resourcesRelatedTo(endpoint,
                Kind.VPC_ENDPOINT_ROUTE_TABLE_ASSOCIATION)) {
            Truth ofEndpoint = association.property("vpc_endpoint_id")
                    .map(v -> Values.refersTo(v, endpoint, graph)).orElse(Truth.FALSE);
            Truth ofTable = association.property("route_table_id")
                    .map(v -> table.isNamedBy(v, graph)).orElse(Truth.FALSE);
            serves = serves.or(ofEndpoint.and(ofTable));
        }
        return serves;
    }
}
