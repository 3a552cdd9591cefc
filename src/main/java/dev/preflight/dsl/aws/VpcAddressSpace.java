package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
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
 * The IPv4 address space of a VPC: its primary CIDR block and the secondary blocks associated with it
 * ({@code aws_vpc_ipv4_cidr_block_association}, {@code AWS::EC2::VPCCidrBlock}). Unknown as soon as one block,
 * or the VPC of one association, is not known, since a missing block could hold any subnet.
 *
 * <pre>{@code
 * Known<List<Ipv4Cidr>> blocks = VpcAddressSpace.blocksOf(vpc, graph);
 * }</pre>
 */
public final class VpcAddressSpace {
    private VpcAddressSpace() {
    }

    /** The IPv4 CIDR block written at {@code cidr_block} of a resource, if known and well formed. */
    public static Optional<Ipv4Cidr> cidrOf(Resource resource, ResourceGraph graph) {
        return resource.property("cidr_block").flatMap(v -> Values.resolvedString(v, graph)).flatMap(Ipv4Cidr::parse);
    }

    /** Every IPv4 block of {@code vpc}. */
    public static Known<List<Ipv4Cidr>> blocksOf(Resource vpc, ResourceGraph graph) {
        List<Ipv4Cidr> out = new ArrayList<>();
        Optional<Ipv4Cidr> primary = cidrOf(vpc, graph);
        if (primary.isEmpty()) {
            return Known.unknown("the CIDR block of " + vpc.address() + " is not known");
        }
        out.add(primary.get());
        // another root module or template cannot add a block to this VPC, unless it imports the VPC
        for (Resource association : graph.resourcesRelatedTo(vpc, Kind.VPC_CIDR_BLOCK)) {
            Optional<Value> vpcId = association.property("vpc_id");
            Truth mine = vpcId.map(v -> Values.refersTo(v, vpc, graph)).orElse(Truth.UNKNOWN);
            if (mine == Truth.FALSE) {
                continue;
            }
            if (mine == Truth.UNKNOWN) {
                return Known.unknown("the VPC of " + association.address() + " is not known");
            }
            if (association.property("cidr_block").isEmpty() && association.property("ipv4_ipam_pool_id").isEmpty()
                    && association.property("ipv4_netmask_length").isEmpty()) {
                // an IPv6 association adds no IPv4 space
                continue;
            }
            Optional<Ipv4Cidr> block = cidrOf(association, graph);
            if (block.isEmpty()) {
                return Known.unknown("the CIDR block of " + association.address() + " is not known");
            }
            out.add(block.get());
        }
        return Known.of(out);
    }

    /** Whether a resource exists only under a CloudFormation condition that may be false. */
    public static boolean conditional(Resource resource) {
        return resource.properties().entries().containsKey("$Condition");
    }
}
