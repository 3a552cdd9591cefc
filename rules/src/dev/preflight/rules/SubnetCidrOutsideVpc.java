package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.ConditionEvents;
import dev.preflight.dsl.DslRule;
import java.util.ArrayList;
import dev.preflight.dsl.aws.NetworkEvidence;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Known;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.aws.Ipv4Cidr;
import dev.preflight.dsl.aws.Network;
import dev.preflight.dsl.aws.VpcAddressSpace;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * IPv4 address plans that EC2 refuses: a subnet outside every block of its VPC, two subnets of one VPC that
 * overlap, a VPC block larger than /16 or smaller than /28. Each fails CreateSubnet or CreateVpc mid-apply.
 */
@AutoService(Rule.class)
public final class SubnetCidrOutsideVpc extends DslRule {
    public static final String ID = "subnet-cidr-outside-vpc";

    public SubnetCidrOutsideVpc() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("Subnet CIDR outside its VPC, overlapping subnets, or a VPC block outside /16-/28")
                .prevents("InvalidSubnet.Range: The CIDR '10.1.0.0/24' is invalid.")
                .check(resources(Kind.SUBNET, Kind.VPC, Kind.VPC_CIDR_BLOCK)
                        .should(fitTheVpcAddressPlan())
                        .because("EC2 checks every subnet against its VPC's blocks and its sibling subnets"))
                .fix(Format.TERRAFORM, "Carve the subnet out of one of the VPC's CIDR blocks (cidrsubnet()), give "
                        + "each subnet its own range, and size VPC blocks between /16 and /28.")
                .fix(Format.CLOUDFORMATION, "Carve the subnet out of one of the VPC's CIDR blocks (!Cidr), give "
                        + "each subnet its own range, and size VPC blocks between /16 and /28.")
                .doc(DOC);
    }

    static ResourceCondition fitTheVpcAddressPlan() {
        return ResourceCondition.of("fit the VPC's address plan", (r, graph, events) -> {
            if (r.kind() == Kind.SUBNET) {
                checkSubnet(r, graph, events);
            } else {
                checkBlockSize(r, graph, events);
            }
        });
    }

    /** The other subnet's block, and the VPC both are in. */
    private static List<Evidence> overlapEvidence(Resource other, Ipv4Cidr otherCidr, Resource vpc) {
        List<Evidence> out = new ArrayList<>(NetworkEvidence.cidr(other, "has " + otherCidr.text()));
        out.add(NetworkEvidence.vpc(vpc, "holds both subnets"));
        return out;
    }

    /** The VPC's primary block and each block associated with it, where written. */
    private static List<Evidence> vpcEvidence(Resource vpc, ResourceGraph graph) {
        List<Evidence> out = new ArrayList<>(NetworkEvidence.cidr(vpc, "has " + VpcAddressSpace.cidrOf(vpc, graph)
                .map(Ipv4Cidr::text).orElse("its primary block")));
        for (Resource association : graph.referrers(vpc, Kind.VPC_CIDR_BLOCK)) {
            VpcAddressSpace.cidrOf(association, graph).ifPresent(block ->
                    out.addAll(NetworkEvidence.cidr(association, "adds " + block.text() + " to " + vpc.address())));
        }
        return out;
    }

    private static void checkBlockSize(Resource r, ResourceGraph graph, ConditionEvents events) {
        Optional<Ipv4Cidr> block = VpcAddressSpace.cidrOf(r, graph);
        if (block.isPresent() && (block.get().prefixLength() < 16 || block.get().prefixLength() > 28)) {
            events.violated(r, r.address() + " has CIDR block " + block.get().text() + "; VPC blocks must be "
                            + "between /16 and /28", r.spanOf("cidr_block"), "cidr_block", block.get().text());
        }
    }

    private static void checkSubnet(Resource subnet, ResourceGraph graph, ConditionEvents events) {
        Optional<Ipv4Cidr> cidr = VpcAddressSpace.cidrOf(subnet, graph);
        Known<Resource> vpc = Network.vpcOf(subnet, graph);
        if (cidr.isEmpty() || !vpc.isKnown() || subnet.isDataSource()) {
            return;
        }
        Value written = subnet.property("cidr_block").orElseThrow();
        Known<List<Ipv4Cidr>> blocks = VpcAddressSpace.blocksOf(vpc.value(), graph);
        if (blocks.isKnown() && blocks.value().stream().noneMatch(b -> b.contains(cidr.get()))) {
            events.violated(subnet, subnet.address() + " has CIDR " + cidr.get().text() + ", outside every block of "
                            + vpc.value().address() + " (" + String.join(", ",
                            blocks.value().stream().map(Ipv4Cidr::text).toList()) + ")",
                    written.span(), "cidr_block", cidr.get().text(), vpcEvidence(vpc.value(), graph));
            return;
        }
        if (VpcAddressSpace.conditional(subnet)) {
            return;
        }
        // report an overlap once, on the later subnet of the pair; a subnet of another root module or template is
        // never in this subnet's VPC
        for (Resource other : graph.resources(Kind.SUBNET, subnet.id().scope())) {
            if (other == subnet) {
                return;
            }
            if (other.isDataSource() || VpcAddressSpace.conditional(other)) {
                continue;
            }
            Known<Resource> otherVpc = Network.vpcOf(other, graph);
            Optional<Ipv4Cidr> otherCidr = VpcAddressSpace.cidrOf(other, graph);
            if (otherVpc.isKnown() && otherVpc.value() == vpc.value() && otherCidr.isPresent()
                    && otherCidr.get().overlaps(cidr.get())) {
                events.violated(subnet, subnet.address() + " has CIDR " + cidr.get().text() + ", which overlaps "
                                + other.address() + " (" + otherCidr.get().text() + ") in the same VPC",
                        written.span(), "cidr_block", cidr.get().text() + " overlaps " + otherCidr.get().text(),
                        overlapEvidence(other, otherCidr.get(), vpc.value()));
                return;
            }
        }
    }

    private static final String DOC = """
            # subnet-cidr-outside-vpc

            Three IPv4 address-plan errors that EC2 refuses at create time:

            - a subnet whose `cidr_block` / `CidrBlock` is not inside any CIDR block of its VPC: the primary
              block, or a secondary block of `aws_vpc_ipv4_cidr_block_association` / `AWS::EC2::VPCCidrBlock`;
            - two subnets of the same VPC whose blocks overlap (reported on the second one);
            - a VPC or secondary block larger than /16 or smaller than /28.

            Values are followed through variables, locals, tfvars, `cidrsubnet()`, parameters and `!Cidr`.
            preflight is silent when a block, the subnet's VPC, or any secondary block of the VPC (or the VPC it
            is associated with) is not known, and does not compare subnets that exist only under a CloudFormation
            condition.

            ## What AWS says

            ```
            InvalidSubnet.Range: The CIDR '10.1.0.0/24' is invalid.
            InvalidSubnet.Conflict: The CIDR '10.0.1.0/24' conflicts with another subnet
            InvalidVpc.Range: The CIDR '10.0.0.0/8' is invalid.
            ```

            (These texts are as commonly reported; they are not among the cited facts of aws-facts.md, so treat
            the exact wording as UNCONFIRMED.)

            ## Why it matters

            The apply fails halfway through the network, often after a copy-paste from another environment's
            address plan. Everything that depends on the subnet (NAT gateways, load balancers, services) is not
            created.

            ## What it leaves alone, and why

            - Subnets that exist only under a CloudFormation condition, and blocks not known before apply. The sizes come from
              the VPC user guide: an IPv4 block is between /16 and /28, and a subnet's block must be within the VPC's
              (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).

            ## Bad

            ```hcl
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }

            resource "aws_subnet" "a" {
              vpc_id     = aws_vpc.main.id
              cidr_block = "10.1.0.0/24" # not in 10.0.0.0/16
            }
            ```

            ```yaml
            SubnetA:
              Type: AWS::EC2::Subnet
              Properties:
                VpcId: !Ref Vpc         # CidrBlock 10.0.0.0/16
                CidrBlock: 10.1.0.0/24
            ```

            ## Good

            ```hcl
            resource "aws_subnet" "a" {
              vpc_id     = aws_vpc.main.id
              cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 0)
            }
            ```

            ```yaml
            SubnetA:
              Type: AWS::EC2::Subnet
              Properties:
                VpcId: !Ref Vpc
                CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
            ```

            """ + RuleDocs.suppression(ID);
}
