package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.LoadBalancers;
import dev.preflight.dsl.aws.NetworkEvidence;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An application load balancer needs subnets in two availability zones; NLBs and GWLBs do not. */
@AutoService(Rule.class)
public final class AlbSubnetsSingleAz extends DslRule {
    public static final String ID = "alb-subnets-single-az";

    public AlbSubnetsSingleAz() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Application load balancer with subnets in fewer than two availability zones")
                .prevents("ValidationError: At least two subnets in two different Availability Zones must be "
                        + "specified")
                .check(resources(Kind.LOAD_BALANCER).that(LoadBalancers.areApplicationLoadBalancers())
                        .should(haveSubnetsInAtLeastTwoAvailabilityZones())
                        .because("an ALB must be able to serve from a second zone"))
                .fix("Give the load balancer a subnet in a second availability zone (one subnet per zone).")
                .doc(DOC);
    }

    /** Two or more subnets, in two or more distinct zones when every zone is known. */
    static ResourceCondition haveSubnetsInAtLeastTwoAvailabilityZones() {
        return ResourceCondition.of("have subnets in at least 2 availability zones", (lb, graph, events) -> {
            Known<LoadBalancers.Placement> placement = LoadBalancers.placement(lb);
            if (!placement.isKnown()) {
                events.unknown(lb, placement.unknownReason());
                return;
            }
            if (placement.value().writtenAt() == null) {
                return; // no subnets at all is another error, reported by AWS with another message
            }
            List<Object> subnets = LoadBalancers.distinctSubnets(placement.value(), graph);
            if (subnets.isEmpty() || LoadBalancers.mayBeSingleZoneByDesign(lb, subnets, graph)) {
                return;
            }
            String where = Values.show(placement.value().writtenAt());
            var span = placement.value().writtenAt().span();
            if (subnets.size() == 1) {
                List<Evidence> only = subnets.get(0) instanceof Resource r
                        ? List.of(Evidence.resource(r, r.address() + " is the only subnet")) : List.of();
                events.violated(lb, lb.address() + " has a single subnet (" + name(subnets.get(0))
                        + "); an application load balancer needs subnets in two availability zones", span,
                        "subnets", where, only);
                return;
            }
            Set<String> zones = new LinkedHashSet<>();
            List<Evidence> evidence = new ArrayList<>();
            for (Object subnet : subnets) {
                Known<String> zone = LoadBalancers.zoneOf(subnet, graph);
                if (!zone.isKnown()) {
                    events.unknown(lb, zone.unknownReason());
                    return;
                }
                zones.add(zone.value());
                evidence.addAll(NetworkEvidence.zone((Resource) subnet,
                        zone.value().substring(zone.value().indexOf(':') + 1)));
            }
            Set<String> kinds = zones.stream().map(z -> z.substring(0, z.indexOf(':'))).collect(Collectors.toSet());
            if (kinds.size() > 1) {
                events.unknown(lb, "zones of " + lb.address() + " are given partly by name, partly by id");
                return;
            }
            List<String> names = new ArrayList<>();
            zones.forEach(z -> names.add(z.substring(z.indexOf(':') + 1)));
            if (zones.size() < 2) {
                events.violated(lb, lb.address() + " has " + subnets.size() + " subnets ("
                        + subnets.stream().map(AlbSubnetsSingleAz::name).collect(Collectors.joining(", "))
                        + ") but all in availability zone " + names.get(0), span, "subnets", where, evidence);
            } else {
                events.satisfied(lb, lb.address() + " has subnets in " + String.join(", ", names), span,
                        "subnets", where);
            }
        });
    }

    private static String name(Object subnet) {
        return subnet instanceof Resource r ? r.address() : subnet.toString();
    }

    private static final String DOC = """
            # alb-subnets-single-az

            An application load balancer (`load_balancer_type = "application"`, `Type: application`, or no type,
            since application is the default) whose subnets (`subnets`, or `subnet_mapping` blocks /
            `SubnetMappings`) are in fewer than two availability zones.

            A nested stack's subnets are those its parent passes: a list joined with `!Join [",", [...]]` into a
            `List<AWS::EC2::Subnet::Id>` or `CommaDelimitedList` parameter is split back into the subnets it
            names, and a default the parent always overrides is never judged (see
            `docs/nested-stacks-and-imports.md`).

            ## What AWS says

            ```
            ValidationError: At least two subnets in two different Availability Zones must be specified
            ```

            ## Why it matters

            `CreateLoadBalancer` refuses an ALB with subnets in only one zone. preflight fires when:

            - the load balancer has exactly one subnet (whatever its zone: one subnet is never two zones), or
            - every subnet is a subnet of the scan whose `availability_zone` (or `availability_zone_id`) is known,
              possibly through variables, and they are all the same zone.

            Every element of a written list is one subnet (`[var.public_subnet_id]`, `[!Ref PublicSubnet]`), even
            when its value is unknown. It stays silent when the list itself is unknown before apply (a list
            variable or parameter, a data source, a splat over a count that is not known), when a zone is unknown
            (a subnet whose zone AWS picks, `!GetAZs`, a data source), when zones are given partly by name and
            partly by id, for network and gateway load
            balancers (one zone is valid for them), and where AWS allows a single subnet by design: a subnet on an
            Outpost (`outpost_arn`), a customer-owned address pool, or a Local Zone (`us-west-2-lax-1a`).

            ## What it leaves alone, and why

            - Network and gateway load balancers: `CreateLoadBalancer` lets them use subnets in one or more zones; only
              application load balancers need two
              (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html, `Subnets`).
            - Application load balancers on an Outpost (an Outpost subnet, a customer-owned address pool), which take one
              Outpost subnet, and in Local Zones, which may use one zone (same page).
            - Subnets whose zone is not known before apply, and subnet lists that are not known.

            ## Bad

            ```hcl
            resource "aws_lb" "web" {
              name               = "web"
              load_balancer_type = "application"
              subnets            = [aws_subnet.public_a.id, aws_subnet.public_a2.id] # both in eu-west-1a
            }
            ```

            ```yaml
            LoadBalancer:
              Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Properties:
                Subnets: [!Ref PublicSubnetA]
            ```

            ## Good

            ```hcl
            resource "aws_lb" "web" {
              name               = "web"
              load_balancer_type = "application"
              subnets            = [aws_subnet.public_a.id, aws_subnet.public_b.id] # eu-west-1a, eu-west-1b
            }
            ```

            ```yaml
            LoadBalancer:
              Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Properties:
                Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
            ```

            """ + RuleDocs.suppression(ID);
}
