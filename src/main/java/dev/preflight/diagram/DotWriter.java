package dev.preflight.diagram;

/**
 * Graphviz DOT for {@code dot}: left to right, a frame per VPC and per availability zone ({@code subgraph cluster_}),
 * rounded boxes, and the resources with findings filled red with their rule ids. Written by hand: the Java libraries
 * that write DOT either lack clusters (JGraphT's exporter), which the zone frames need, or bring a JavaScript engine
 * and SVG renderers for a text format (graphviz-java, last released in 2021).
 */
public final class DotWriter {
    private static final String FONT = "Helvetica";
    private static final String MARKED = "fillcolor=\"#ffe3e3\", color=\"#c62828\", penwidth=2";

    private DotWriter() {
    }

    /** The DOT text of {@code diagram}. */
    public static String write(StackDiagram diagram) {
        StringBuilder s = new StringBuilder();
        s.append("digraph ").append(quote(diagram.title())).append(" {\n");
        s.append("  graph [rankdir=LR, nodesep=0.3, ranksep=0.9, fontname=\"").append(FONT)
                .append("\", fontsize=12, labelloc=t, label=").append(quote(diagram.title())).append("];\n");
        s.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#555555\", fontname=\"")
                .append(FONT).append("\", fontsize=10];\n");
        s.append("  edge [fontname=\"").append(FONT).append("\", fontsize=9, color=\"#777777\"];\n");
        StackDiagram.Group root = diagram.root();
        for (StackDiagram.Group g : root.groups()) {
            writeGroup(s, g, "  ", true);
        }
        for (StackDiagram.Node n : root.nodes()) {
            writeNode(s, n, "  ");
        }
        for (StackDiagram.Edge e : diagram.edges()) {
            s.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [label=").append(quote(e.label()))
                    .append("];\n");
        }
        return s.append("}\n").toString();
    }

    private static void writeGroup(StringBuilder s, StackDiagram.Group g, String indent, boolean vpc) {
        s.append(indent).append("subgraph cluster_").append(g.id()).append(" {\n");
        String inner = indent + "  ";
        String label = g.label() + (g.findings().isEmpty() ? "" : "\n" + StackDiagram.findingsLine(g.findings()));
        s.append(inner).append("label=").append(quote(label)).append(";\n");
        s.append(inner).append(vpc ? "style=\"rounded,filled\"; fillcolor=\"#eef4fb\"; color=\"#3b73b9\";\n"
                : "style=\"dashed,rounded\"; color=\"#7f9cc0\";\n");
        if (!g.findings().isEmpty()) {
            s.append(inner).append("color=\"#c62828\"; penwidth=2;\n");
        }
        for (StackDiagram.Group inside : g.groups()) {
            writeGroup(s, inside, inner, false);
        }
        for (StackDiagram.Node n : g.nodes()) {
            writeNode(s, n, inner);
        }
        s.append(indent).append("}\n");
    }

    private static void writeNode(StringBuilder s, StackDiagram.Node n, String indent) {
        s.append(indent).append(n.id()).append(" [label=").append(quote(n.label()));
        if (n.marked()) {
            s.append(", ").append(MARKED);
        }
        s.append("];\n");
    }

    /** A DOT quoted string; line breaks become centred {@code \n}. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> { }
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
