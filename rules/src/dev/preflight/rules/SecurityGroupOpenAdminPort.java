package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.aws.IngressRules;
import dev.preflight.dsl.aws.IngressRules.Ingress;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ingress from the whole internet to SSH, RDP, or every port: the addresses are scanned within minutes of being
 * opened, and a weak password or an unpatched service is all it takes.
 */
@AutoService(Rule.class)
public final class SecurityGroupOpenAdminPort extends DslRule {
    public static final String ID = "security-group-open-admin-port";

    public SecurityGroupOpenAdminPort() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("Security group ingress from 0.0.0.0/0 or ::/0 to SSH, RDP or all ports")
                .prevents("SSH/RDP brute force and exposure of every listening port to the internet")
                .check(resources(Kind.SECURITY_GROUP, Kind.SECURITY_GROUP_RULE)
                        .should(notOpenAdminPortsToTheInternet())
                        .because("admin ports open to the internet are found by scanners within minutes"))
                .fix("Allow SSH/RDP only from known ranges (a VPN, a bastion's security group), or use SSM Session "
                        + "Manager / ECS Exec and close the port; open only the ports the service serves.")
                .doc(DOC);
    }

    static ResourceCondition notOpenAdminPortsToTheInternet() {
        return ResourceCondition.of("not open SSH, RDP or all ports to the internet", (r, graph, events) -> {
            if (IngressRules.guardsOnlyLoadBalancersOrEndpoints(r, graph)) {
                // a load balancer answers on its listeners only, an interface endpoint on its service's port from
                // private addresses only: "all ports" opens nothing more
                return;
            }
            for (Ingress rule : IngressRules.of(r, graph)) {
                String what = rule.allTraffic() ? "all ports" : rule.coversTcp(22) ? "SSH (port 22)"
                        : rule.coversTcp(3389) ? "RDP (port 3389)" : null;
                if (what == null) {
                    continue;
                }
                for (int i = 0; i < rule.sources().size(); i++) {
                    Optional<String> open = IngressRules.anywhere(rule.sources().get(i), graph);
                    if (open.isPresent()) {
                        Value writtenAt = rule.writtenAt().get(i);
                        events.violated(r, r.address() + " allows ingress from " + open.get() + " to " + what,
                                writtenAt.span(), rule.path() + "cidr", open.get() + " " + what,
                                evidence(r, rule, rule.sources().get(i), writtenAt, graph));
                        break;
                    }
                }
            }
        });
    }

    /**
     * Where the open range and the ports came from when they are not written in the rule itself (a variable's
     * default, a local, a parameter): the range first, then the ports; then, for a group that load balancers or
     * endpoints use too, the other users that keep it from being exempt.
     */
    private static List<Evidence> evidence(Resource r, Ingress rule, Value source, Value writtenAt,
                                           ResourceGraph graph) {
        List<Evidence> out = new ArrayList<>(Evidence.valueSources(List.of(source, writtenAt), writtenAt.span()));
        for (String port : List.of("from_port", "to_port", "protocol")) {
            r.property(rule.path() + port).ifPresent(v -> out.addAll(Evidence.valueSources(v)));
        }
        for (Resource user : IngressRules.usersThatDenyTheExemption(r, graph)) {
            out.add(Evidence.resource(user, user.address() + " uses this group, and is exposed by it"));
        }
        return out;
    }

    private static final String DOC = """
            # security-group-open-admin-port

            A security group ingress rule from `0.0.0.0/0` or `::/0` to SSH (TCP 22), RDP (TCP 3389), or all
            ports (protocol `-1` / `all`, or a TCP port range that covers 22 or 3389). Inline rules
            (`ingress` blocks, `SecurityGroupIngress`) and separate rule resources (`aws_security_group_rule`
            of type `ingress`, `aws_vpc_security_group_ingress_rule`, `AWS::EC2::SecurityGroupIngress`) are
            read the same way; values are followed through variables and parameters, and unknown ones are left
            alone.

            ## What it leaves alone, and why

            - A security group whose every user in the configuration is a load balancer or a VPC endpoint
              (`aws_lb.security_groups`, `aws_vpc_endpoint.security_group_ids`, `SecurityGroups` /
              `SecurityGroupIds` in CloudFormation, also inside a module preflight loads). A load balancer
              answers on its listener ports only, so an open range there exposes nothing else
              (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html).
              An interface endpoint's network interfaces have private IP addresses from the subnet only and serve
              only the endpoint service's port, so no one on the internet reaches them whatever the group allows
              (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html,
              https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html).
            - Nothing else. The group is reported as soon as any other resource uses it (an instance, a launch
              template, an ECS service's tasks, a network interface, a database), and also when nothing in the
              scan uses it: its users are then unknown (another configuration, a module preflight cannot load), and
              an exemption needs evidence that the open rule is harmless, which only known users give. AWS Security
              Hub's controls EC2.13 and EC2.14 flag such rules on any group
              (https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html).

            ## The risk

            Every public address is scanned for SSH and RDP continuously; an open admin port gets brute-force
            attempts within minutes, and any listening port becomes reachable when all ports are open. AWS
            Security Hub and Trusted Advisor flag the same rules (EC2.13, EC2.14).

            ## Bad

            ```hcl
            resource "aws_security_group" "bastion" {
              name   = "bastion"
              vpc_id = aws_vpc.main.id
              ingress {
                from_port   = 22
                to_port     = 22
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            ```

            ```yaml
            BastionSecurityGroup:
              Type: AWS::EC2::SecurityGroup
              Properties:
                GroupDescription: bastion
                VpcId: !Ref Vpc
                SecurityGroupIngress:
                  - IpProtocol: tcp
                    FromPort: 22
                    ToPort: 22
                    CidrIp: 0.0.0.0/0
            ```

            ## Good

            ```hcl
            ingress {
              from_port   = 22
              to_port     = 22
              protocol    = "tcp"
              cidr_blocks = [var.office_cidr]
            }
            ```

            ```yaml
            SecurityGroupIngress:
              - IpProtocol: tcp
                FromPort: 22
                ToPort: 22
                CidrIp: 203.0.113.0/24
            ```

            """ + RuleDocs.suppression(ID);
}
