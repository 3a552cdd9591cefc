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
 * A {@code vpc_id} that is not a VPC id, typically the VPC's CIDR pasted in its place. The sibling rule
 * {@code resource-id-malformed} checks the other EC2 ids; VPC ids have their own id because they are by far the
 * most common mistake and the one users search for.
 */
@AutoService(Rule.class)
public final class VpcIdMalformed extends DslRule {
    public static final String ID = "vpc-id-malformed";

    public VpcIdMalformed() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("VPC id that is not vpc- followed by 8 or 17 hex digits")
                .prevents("InvalidVpcId.Malformed: The vpc ID '192.168.1.0/24' is malformed")
                .check(resources()
                        .should(WellFormedIds.haveWellFormed(AwsIds.VPC))
                        .because("EC2 rejects any VPC id not of the form vpc-xxxxxxxxxxxxxxxxx"))
                .fix(Format.TERRAFORM, "Reference the VPC (aws_vpc.main.id, or a data source) instead of writing "
                        + "its id; if you must write it, copy the id (vpc-...), not its CIDR or name.")
                .fix(Format.CLOUDFORMATION, "Reference the VPC (!Ref Vpc, or a parameter of type AWS::EC2::VPC::Id) "
                        + "instead of writing its id; if you must write it, copy the id (vpc-...), not its CIDR "
                        + "or name.")
                .doc(DOC);
    }

    private static final String DOC = """
            # vpc-id-malformed

            A property that must hold a VPC id (`vpc_id` of security groups, subnets, route tables, target groups,
            VPC endpoints, internet gateways...; `peer_vpc_id`; `vpc_config.vpc_id`; `VpcId`, `PeerVpcId` and
            `VpcConfig.VpcId` in CloudFormation) holds a known text that is not `vpc-` followed by 8 or 17
            lowercase hex digits. Tags, environment variables and data source filters are never read.

            ## What AWS says

            ```
            InvalidVpcId.Malformed: The vpc ID '192.168.1.0/24' is malformed
            ```

            (The EC2 error table spells the code `InvalidVpcID.Malformed`; the wire casing differs.)

            ## Why it matters

            The value usually is the VPC's CIDR, its name, or a truncated id. Terraform's plan accepts it, and the
            apply fails on the first resource that uses it. References (`aws_vpc.main.id`, `data.aws_vpc.x.id`,
            `!Ref Vpc`) are never flagged, nor are values that are unknown before apply (a variable without a
            value, an `!ImportValue` of a name no template of the scan exports). A value that crosses templates
            is judged as it resolves: a CIDR a parent passes to a nested stack's `VpcId` parameter, or exports
            under the name another stack imports as the VPC's id, is flagged where it is used. Ids of 8 hex digits (pre-2016) and 17 hex digits are both accepted; an id
            with 16 digits is not.

            ## What it leaves alone, and why

            - References, data source filters, tags and environment variables. A VPC id is `vpc-` and 8 or 17 hex digits
              (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html).

            ## Bad

            ```hcl
            resource "aws_security_group" "web" {
              name   = "web"
              vpc_id = "192.168.1.0/24"
            }
            ```

            ```yaml
            WebSecurityGroup:
              Type: AWS::EC2::SecurityGroup
              Properties:
                GroupDescription: web
                VpcId: 192.168.1.0/24
            ```

            ## Good

            ```hcl
            resource "aws_security_group" "web" {
              name   = "web"
              vpc_id = aws_vpc.main.id
            }
            ```

            ```yaml
            WebSecurityGroup:
              Type: AWS::EC2::SecurityGroup
              Properties:
                GroupDescription: web
                VpcId: !Ref Vpc
            ```

            """ + RuleDocs.suppression(ID);
}
