package dev.preflight.diagram;

/**
 * A Mermaid flowchart, which GitHub draws in Markdown: left to right, a subgraph per VPC and per availability zone,
 * and the resources with findings in the {@code finding} class (red) with their rule ids. Labels are quoted, with
 * Mermaid's entity codes for the characters a quoted label cannot hold.
 */
public final class MermaidWriter {
    private MermaidWriter() {
    }

    /** The Mermaid text of {@code diagram}. */
    public static String write(StackDiagram diagram) {
        StringBuilder s = new StringBuilder("flowchart LR\n");
        StackDiagram.Group root = diagram.root();
        for (StackDiagram.Group g : root.groups()) {
            writeGroup(s, g, "  ");
        }
        for (StackDiagram.Node n : root.nodes()) {
            writeNode(s, n, "  ");
        }
        for (StackDiagram.Edge e : diagram.edges()) {
            s.append("  ").append(e.from()).append(" -->|").append(quote(e.label())).append("| ").append(e.to())
                    .append('\n');
        }
        s.append("  classDef finding fill:#ffe3e3,stroke:#c62828,stroke-width:2px\n");
        s.append("  classDef vpc fill:#eef4fb,stroke:#3b73b9\n");
        s.append("  classDef vpcFinding fill:#eef4fb,stroke:#c62828,stroke-width:2px\n");
        StringBuilder marked = new StringBuilder();
        for (StackDiagram.Node n : diagram.nodes()) {
            if (n.marked()) {
                marked.append(marked.length() == 0 ? "" : ",").append(n.id());
            }
        }
        if (marked.length() > 0) {
            s.append("  class ").append(marked).append(" finding\n");
        }
        classGroups(s, root);
        return s.toString();
    }

    private static void classGroups(StringBuilder s, StackDiagram.Group root) {
        for (StackDiagram.Group vpc : root.groups()) {
            s.append("  class ").append(vpc.id()).append(vpc.findings().isEmpty() ? " vpc\n" : " vpcFinding\n");
        }
    }

    private static void writeGroup(StringBuilder s, StackDiagram.Group g, String indent) {
        String label = g.label() + (g.findings().isEmpty() ? "" : "\n" + StackDiagram.findingsLine(g.findings()));
        s.append(indent).append("subgraph ").append(g.id()).append(" [").append(quote(label)).append("]\n");
        String inner = indent + "  ";
        s.append(inner).append("direction LR\n");
        for (StackDiagram.Group inside : g.groups()) {
            writeGroup(s, inside, inner);
        }
        for (StackDiagram.Node n : g.nodes()) {
            writeNode(s, n, inner);
        }
        s.append(indent).append("end\n");
    }

    private static void writeNode(StringBuilder s, StackDiagram.Node n, String indent) {
        s.append(indent).append(n.id()).append('[').append(quote(n.label())).append("]\n");
    }

    /** A quoted Mermaid label: line breaks as {@code <br/>}, quotes and markup characters as entity codes. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("#quot;");
                case '#' -> s.append("#35;");
                case '<' -> s.append("#lt;");
                case '>' -> s.append("#gt;");
                case '|' -> s.append("#124;");
                case '\n' -> s.append("<br/>");
                case '\r' -> { }
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
