package dev.preflight.diagram;

import java.util.List;

/**
 * A picture of one stack, independent of how it is drawn: boxes ({@link Node}) inside nested groups (a VPC, its
 * availability zones), and labelled arrows. {@link DotWriter} and {@link MermaidWriter} draw it.
 */
public record StackDiagram(String title, Group root, List<Edge> edges) {

    /** A resource drawn as a box: its address, a detail line (a CIDR, a zone, a type), and its findings' rule ids. */
    public record Node(String id, String address, String detail, List<String> findings) {
        public Node {
            findings = List.copyOf(findings);
        }

        /** The label's lines: the address, the detail when there is one, the findings' rule ids when marked. */
        public String label() {
            StringBuilder s = new StringBuilder(address);
            if (!detail.isEmpty()) {
                s.append('\n').append(detail);
            }
            if (marked()) {
                s.append('\n').append(findingsLine(findings));
            }
            return s.toString();
        }

        /** Whether the resource has findings (it is drawn marked). */
        public boolean marked() {
            return !findings.isEmpty();
        }
    }

    /** An arrow from one box to another, labelled with what joins them ({@code subnets}, {@code 0.0.0.0/0}). */
    public record Edge(String from, String to, String label) {
    }

    /**
     * A group of boxes: the whole stack, a VPC, an availability zone. {@code findings} are those of the resource the
     * group stands for (a VPC's own findings mark its frame).
     */
    public record Group(String id, String label, List<String> findings, List<Group> groups, List<Node> nodes) {
        public Group {
            findings = List.copyOf(findings);
            groups = List.copyOf(groups);
            nodes = List.copyOf(nodes);
        }

        /** Whether nothing is drawn inside. */
        public boolean isEmpty() {
            return nodes.isEmpty() && groups.stream().allMatch(Group::isEmpty);
        }
    }

    /** The line that marks a resource (or a VPC's frame) with findings: a warning sign and the rule ids. */
    public static String findingsLine(List<String> ruleIds) {
        return "\u26a0 " + String.join(", ", ruleIds);
    }

    /** Every box, in drawing order. */
    public List<Node> nodes() {
        List<Node> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Group g, List<Node> out) {
        out.addAll(g.nodes());
        g.groups().forEach(inner -> collect(inner, out));
    }
}
