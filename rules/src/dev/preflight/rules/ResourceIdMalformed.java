package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.aws.AwsIds;
import dev.preflight.dsl.aws.WellFormedIds;
import dev.preflight.graph.Format;

/**
 * The sibling of {@code vpc-id-malformed} for the other EC2 ids whose property leaves no doubt about their type:
 * subnets, security groups, route tables, NAT gateways, internet gateways. One id for all of them, because the
 * mistake and the fix are the same and users suppress them together.
 */
@AutoService(Rule.class)
public final class ResourceIdMalformed extends DslRule {
    public static final String ID = "resource-id-malformed";

    public ResourceIdMalformed() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Subnet, security group, route table, NAT or internet gateway id that is malformed")
                .prevents("InvalidSubnetID.Malformed / InvalidGroupId.Malformed / InvalidRouteTableId.Malformed / "
                        + "NatGatewayMalformed / InvalidInternetGatewayId.Malformed: The ID '...' is malformed")
                .check(resources()
                        .should(WellFormedIds.haveWellFormed(AwsIds.SUBNET, AwsIds.SECURITY_GROUP,
                                AwsIds.ROUTE_TABLE, AwsIds.NAT_GATEWAY, AwsIds.INTERNET_GATEWAY))
                        .because("EC2 rejects ids that are not a prefix and 8 or 17 hex digits"))
                .fix(Format.TERRAFORM, "Reference the resource (aws_subnet.a.id, or a data source) instead of "
                        + "writing its id; if you must write it, copy the whole id, e.g. "
                        + "subnet-0123456789abcdef0.")
                .fix(Format.CLOUDFORMATION, "Reference the resource (!Ref Subnet, or a parameter of an "
                        + "AWS::EC2::...::Id type) instead of writing its id; if you must write it, copy the "
                        + "whole id, e.g. subnet-0123456789abcdef0.")
                .doc(DOC);
    }

    private static final String DOC = """
            # resource-id-malformed

            A property whose meaning is unambiguous holds a known text that is not a well-formed id of its type:

            | ids | properties |
            |---|---|
            | `subnet-` | `subnet_id`, `subnet_ids`, `vpc_config.subnet_ids`; `subnets` and `subnet_mapping.subnet_id` of load balancers; `network_configuration.subnets` of ECS services (CloudFormation: `SubnetId`, `SubnetIds`, `Subnets`, `SubnetMappings`, `AwsvpcConfiguration.Subnets`) |
            | `sg-` | `vpc_security_group_ids`, `security_group_ids`, `security_group_id`; `security_groups` of load balancers and ECS services |
            | `rtb-` | `route_table_id`, `route_table_ids`, `default_route_table_id` |
            | `nat-` | `nat_gateway_id` |
            | `igw-` | `internet_gateway_id`; `gateway_id` of routes only when it starts with `igw-` |

            A well-formed id is the prefix, a dash, and 8 or 17 lowercase hex digits. VPC ids have their own rule,
            `vpc-id-malformed`.

            Deliberately not checked: `security_groups` of EC2 instances (they may hold group *names*),
            `gateway_id` values that are not `igw-...` (`local`, `vgw-...` are valid), cross-account
            `source_security_group_id` (`123456789012/sg-...`), tags and environment variables.

            ## What AWS says

            ```
            InvalidSubnetID.Malformed: The subnet ID 'subnet-123' is malformed
            InvalidGroupId.Malformed: Invalid id: "web-sg" (expecting "sg-...")
            ```

            ## Why it matters

            Ids written by hand are often truncated, or are names where an id is wanted (`"default"`, `"web-sg"`).
            Terraform's plan accepts them and the apply fails. References and values unknown before apply are never
            flagged.

            ## What it leaves alone, and why

            - Properties whose values are not always ids: `security_groups` of EC2 instances (group names), a route's
              `gateway_id` unless it starts with `igw-` (`local`, `vgw-...` and other targets are valid), cross-account
              `source_security_group_id`. Ids are a prefix and hex digits
              (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html).
            - References and values unknown before apply.

            ## Bad

            ```hcl
            resource "aws_instance" "web" {
              ami                    = "ami-0123456789abcdef0"
              instance_type          = "t3.micro"
              subnet_id              = "subnet-123"
              vpc_security_group_ids = ["web-sg"]
            }
            ```

            ```yaml
            Web:
              Type: AWS::EC2::Instance
              Properties:
                ImageId: ami-0123456789abcdef0
                SubnetId: subnet-123
                SecurityGroupIds: [web-sg]
            ```

            ## Good

            ```hcl
            resource "aws_instance" "web" {
              ami                    = "ami-0123456789abcdef0"
              instance_type          = "t3.micro"
              subnet_id              = aws_subnet.a.id
              vpc_security_group_ids = [aws_security_group.web.id]
            }
            ```

            ```yaml
            Web:
              Type: AWS::EC2::Instance
              Properties:
                ImageId: ami-0123456789abcdef0
                SubnetId: !Ref SubnetA
                SecurityGroupIds: [!Ref WebSecurityGroup]
            ```

            """ + RuleDocs.suppression(ID);
}
