package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.Ipv6Cidr;
import dev.preflight.dsl.aws.Network;
import dev.preflight.dsl.aws.NetworkEvidence;
import dev.preflight.dsl.aws.RouteTarget;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/** A NAT gateway forwards IPv6 only as NAT64, so it can be the next hop only for {@code 64:ff9b::/96}. */
@AutoService(Rule.class)
public final class NatGatewayIpv6Route extends DslRule {
    public static final String ID = "nat-gateway-ipv6-route";
    private static final String DESTINATION = "destination_ipv6_cidr_block";

    public NatGatewayIpv6Route() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("IPv6 route to a NAT gateway outside the NAT64 prefix 64:ff9b::/96")
                .prevents("InvalidParameterValue: An interface that is part of a NAT gateway cannot be the next hop "
                        + "for an IPv6 destination CIDR block outside the CIDR range 64:ff9b::/96 or IPv6 prefix list")
                .check(resources(Kind.ROUTE).that(targetANatGateway())
                        .should(routeIpv6OnlyWithinNat64())
                        .because("a NAT gateway translates IPv6 to IPv4 only for the NAT64 prefix"))
                .fix(Format.TERRAFORM, "Route ::/0 to an egress-only internet gateway (egress_only_gateway_id = "
                        + "aws_egress_only_internet_gateway.NAME.id); keep the NAT gateway for 0.0.0.0/0 and, "
                        + "with DNS64, for 64:ff9b::/96.")
                .fix(Format.CLOUDFORMATION, "Route ::/0 to an egress-only internet gateway "
                        + "(EgressOnlyInternetGatewayId: !Ref EgressOnlyGateway); keep the NAT gateway for "
                        + "0.0.0.0/0 and, with DNS64, for 64:ff9b::/96.")
                .doc(DOC);
    }

    /** Routes whose next hop is a NAT gateway, in {@code nat_gateway_id} or in {@code gateway_id}. */
    static ResourcePredicate targetANatGateway() {
        return ResourcePredicate.of("target a NAT gateway", Network::targetsNatGateway);
    }

    /** The IPv6 destination, when written, lies within 64:ff9b::/96. */
    static ResourceCondition routeIpv6OnlyWithinNat64() {
        return ResourceCondition.of("have no IPv6 destination outside 64:ff9b::/96", (route, graph, events) -> {
            Optional<Value> destination = route.property(DESTINATION);
            if (destination.isEmpty() || destination.get() instanceof Value.Null) {
                return;
            }
            Optional<Ipv6Cidr> block = Values.knownString(destination.get()).flatMap(Ipv6Cidr::parse);
            if (block.isEmpty()) {
                events.unknown(route, "the IPv6 destination of " + route.address() + " is not a known CIDR");
                return;
            }
            String shown = Values.show(destination.get());
            Known<RouteTarget> target = RouteTarget.of(route, graph);
            String nat = target.isKnown() ? target.value().shown(graph) : "a NAT gateway";
            if (Ipv6Cidr.NAT64.contains(block.get())) {
                events.satisfied(route, route.address() + " sends only NAT64 traffic (" + shown + ") to " + nat,
                        destination.get().span(), DESTINATION, shown);
            } else {
                // the gateway, wherever the route names it (Terraform also takes a NAT gateway in gateway_id)
                List<Evidence> evidence = target.isKnown() ? graph.target(target.value().value())
                        .map(g -> List.of(NetworkEvidence.gateway(g))).orElse(List.of()) : List.of();
                events.violated(route, route.address() + " sends IPv6 destination " + shown + " to NAT gateway "
                        + nat + "; a NAT gateway only takes 64:ff9b::/96", destination.get().span(), DESTINATION,
                        shown, evidence);
            }
        });
    }

    private static final String DOC = """
            # nat-gateway-ipv6-route

            A route whose IPv6 destination lies outside `64:ff9b::/96` and whose target is a NAT gateway. The
            target is what the value names, whichever attribute holds it: `nat_gateway_id` / `NatGatewayId`, or
            `gateway_id` / `GatewayId`, which AWS accepts for a NAT gateway too (a reference to an
            `aws_nat_gateway` / `AWS::EC2::NatGateway`, or a literal `nat-...` id).

            ## What AWS says

            ```
            InvalidParameterValue: An interface that is part of a NAT gateway cannot be the next hop for an IPv6 \
            destination CIDR block outside the CIDR range 64:ff9b::/96 or IPv6 prefix list.
            ```

            ## Why it matters

            A NAT gateway handles IPv6 only as NAT64: DNS64 synthesises `64:ff9b::/96` addresses for IPv4-only hosts
            and the NAT gateway translates them. It cannot forward native IPv6, so `CreateRoute` refuses `::/0` (or any
            other range outside the NAT64 prefix) towards it, and the apply fails halfway through the network.
            preflight parses the CIDR, so `::/0`, `0::/0` and `0:0:0:0:0:0:0:0/0` are all recognised, and
            `64:ff9b::/96` or a narrower block inside it is accepted.

            ## What it leaves alone, and why

            - IPv6 destinations inside `64:ff9b::/96`, and prefix-list destinations: a NAT gateway is the next hop for NAT64
              traffic (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html).
            - Routes whose target or destination is not known before apply.

            ## Bad

            ```hcl
            resource "aws_route" "ipv6_out" {
              route_table_id              = aws_route_table.private.id
              destination_ipv6_cidr_block = "::/0"
              nat_gateway_id              = aws_nat_gateway.main.id
            }
            ```

            ```yaml
            Ipv6Out:
              Type: AWS::EC2::Route
              Properties:
                RouteTableId: !Ref PrivateRouteTable
                DestinationIpv6CidrBlock: "::/0"
                NatGatewayId: !Ref NatGateway
            ```

            ## Good

            ```hcl
            resource "aws_route" "ipv6_out" {
              route_table_id              = aws_route_table.private.id
              destination_ipv6_cidr_block = "::/0"
              egress_only_gateway_id      = aws_egress_only_internet_gateway.main.id
            }

            resource "aws_route" "nat64" {
              route_table_id              = aws_route_table.private.id
              destination_ipv6_cidr_block = "64:ff9b::/96"
              nat_gateway_id              = aws_nat_gateway.main.id
            }
            ```

            ```yaml
            Ipv6Out:
              Type: AWS::EC2::Route
              Properties:
                RouteTableId: !Ref PrivateRouteTable
                DestinationIpv6CidrBlock: "::/0"
                EgressOnlyInternetGatewayId: !Ref EgressOnlyGateway
            ```

            """ + RuleDocs.suppression(ID);
}
