package dev.preflight.dsl.aws;

import static dev.preflight.dsl.TestGraph.ref;
import static dev.preflight.dsl.TestGraph.template;
import static dev.preflight.dsl.TestGraph.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.TestGraph;
import dev.preflight.dsl.Truth;
import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTargetTest {
    private static final TestGraph GRAPH = TestGraph.terraform()
            .add("aws_nat_gateway.main", Kind.NAT_GATEWAY)
            .add("aws_internet_gateway.main", Kind.INTERNET_GATEWAY)
            .add("aws_egress_only_internet_gateway.main", Kind.EGRESS_ONLY_INTERNET_GATEWAY)
            .add("aws_vpn_gateway.main", Kind.OTHER)
            // the attribute's name says internet gateway, the value says NAT gateway
            .add("aws_route.nat_in_gateway_id", Kind.ROUTE, "gateway_id", ref("aws_nat_gateway.main", "id"))
            .add("aws_route.igw_in_template", Kind.ROUTE, "gateway_id", template(ref("aws_internet_gateway.main", "id")))
            .add("aws_route.eigw", Kind.ROUTE, "egress_only_internet_gateway_id",
                    ref("aws_egress_only_internet_gateway.main", "id"))
            .add("aws_route.vgw", Kind.ROUTE, "gateway_id", ref("aws_vpn_gateway.main", "id"))
            // a plan spells unset targets as "", and a conditional target may be null
            .add("aws_route.plan_nat", Kind.ROUTE, "gateway_id", "", "nat_gateway_id", "nat-0123456789abcdef0")
            .add("aws_route.unknown", Kind.ROUTE, "nat_gateway_id", unknown())
            .add("aws_route.outside", Kind.ROUTE, "gateway_id", ref("aws_internet_gateway.elsewhere", "id"))
            .add("aws_route.none", Kind.ROUTE, "destination_cidr_block", "0.0.0.0/0");

    private static RouteTarget.Type typeOf(String route, ResourceGraph graph) {
        Known<RouteTarget> target = RouteTarget.of(GRAPH.get(route), graph);
        return target.isKnown() ? target.value().type() : null;
    }

    @Test
    void aTargetIsWhatItsValueReferencesWhateverTheAttribute() {
        ResourceGraph graph = GRAPH.build();
        assertEquals(RouteTarget.Type.NAT_GATEWAY, typeOf("aws_route.nat_in_gateway_id", graph));
        assertEquals(RouteTarget.Type.INTERNET_GATEWAY, typeOf("aws_route.igw_in_template", graph));
        assertEquals(RouteTarget.Type.EGRESS_ONLY_INTERNET_GATEWAY, typeOf("aws_route.eigw", graph));
        assertEquals(RouteTarget.Type.OTHER, typeOf("aws_route.vgw", graph));
        assertEquals(RouteTarget.Type.NAT_GATEWAY, typeOf("aws_route.plan_nat", graph));
        assertEquals("nat_gateway_id", RouteTarget.of(GRAPH.get("aws_route.plan_nat"), graph).value().attribute());
    }

    @Test
    void aTargetNobodyCanReadIsUnknown() {
        ResourceGraph graph = GRAPH.build();
        for (String route : new String[] {"aws_route.unknown", "aws_route.outside", "aws_route.none"}) {
            assertFalse(RouteTarget.of(GRAPH.get(route), graph).isKnown(), route);
        }
        assertEquals(Truth.UNKNOWN, Network.targetsNatGateway(GRAPH.get("aws_route.unknown"), graph));
        assertEquals(Truth.TRUE, Network.targetsNatGateway(GRAPH.get("aws_route.nat_in_gateway_id"), graph));
        assertEquals(Truth.FALSE, Network.targetsNatGateway(GRAPH.get("aws_route.igw_in_template"), graph));
    }

    @ParameterizedTest
    @CsvSource({"nat-0123456789abcdef0, NAT_GATEWAY", "igw-0123abcd, INTERNET_GATEWAY",
            "eigw-0123abcd, EGRESS_ONLY_INTERNET_GATEWAY", "vpce-0123abcd, VPC_ENDPOINT", "tgw-0123abcd, TRANSIT_GATEWAY",
            "pcx-0123abcd, VPC_PEERING_CONNECTION", "eni-0123abcd, NETWORK_INTERFACE", "vgw-0123abcd, VIRTUAL_PRIVATE_GATEWAY",
            "i-0123abcd, INSTANCE", "cagw-0123abcd, CARRIER_GATEWAY", "lgw-0123abcd, LOCAL_GATEWAY", "local, LOCAL",
            "arn:aws:networkmanager::123456789012:core-network/core-network-1, OTHER"})
    void aLiteralIdIsKnownByItsPrefix(String id, RouteTarget.Type expected) {
        ResourceGraph graph = TestGraph.terraform().add("aws_route.r", Kind.ROUTE, "gateway_id", id).build();
        assertEquals(expected, RouteTarget.of(graph.resources().get(0), graph).value().type());
    }
}
