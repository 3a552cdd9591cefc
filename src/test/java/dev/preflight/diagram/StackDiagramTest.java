package dev.preflight.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures of the example stacks: what they group and mark, and that the real tools take them: Graphviz's
 * {@code dot} renders the DOT, Mermaid's own parser (tools/mermaid, pinned by its package-lock) parses the Mermaid.
 * Both tool checks skip when the tool is missing, and fail under CI=true, where .ci/run installs them.
 */
class StackDiagramTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path TERRAFORM = REPO.resolve("testdata/examples/ecs-fargate-terraform");
    private static final Path CLOUDFORMATION = REPO.resolve("testdata/examples/ecs-fargate-cloudformation");
    private static final Path MERMAID = REPO.resolve("tools/mermaid");

    static StackDiagram diagramOf(Path path) {
        ScanResult result = new Scanner().scan(new ScanRequest(List.of(path), REPO, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1));
        List<String> scopes = StackDiagrams.scopes(result.graph());
        assertEquals(1, scopes.size(), scopes.toString());
        return StackDiagrams.of(result.graph(), scopes.get(0), result.findings());
    }

    @Test
    void subnetsAreFramedByVpcAndZoneAndFindingsAreMarked() {
        StackDiagram d = diagramOf(TERRAFORM);
        StackDiagram.Group vpc = d.root().groups().get(0);
        assertTrue(vpc.label().startsWith("aws_vpc.main"), vpc.label());
        StackDiagram.Group zoneA = vpc.groups().stream().filter(g -> g.label().equals("eu-west-1a")).findFirst()
                .orElseThrow();
        List<String> inA = zoneA.nodes().stream().map(StackDiagram.Node::address).toList();
        // the ALB finding, seen: both public subnets are in the same zone
        assertTrue(inA.containsAll(List.of("aws_subnet.public[0]", "aws_subnet.public[1]", "aws_nat_gateway.main")),
                inA.toString());
        StackDiagram.Node lb = node(d, "aws_lb.web");
        assertEquals(List.of("alb-subnets-single-az"), lb.findings());
        assertFalse(node(d, "aws_route_table.public").marked());
        // routes are arrows from the table to the gateway, labelled with their destinations
        String table = node(d, "aws_route_table.public").id();
        String igw = node(d, "aws_internet_gateway.main").id();
        assertTrue(d.edges().contains(new StackDiagram.Edge(table, igw, "0.0.0.0/0, ::/0")), d.edges().toString());
    }

    @Test
    void focusKeepsTheResourceAndItsNeighbours() {
        StackDiagram d = StackDiagrams.focused(diagramOf(TERRAFORM), "aws_lb.web").orElseThrow();
        List<String> shown = d.nodes().stream().map(StackDiagram.Node::address).sorted().toList();
        assertEquals(List.of("aws_lb.web", "aws_lb_target_group.app", "aws_subnet.public[0]", "aws_subnet.public[1]"),
                shown);
        assertTrue(StackDiagrams.focused(d, "aws_nope.x").isEmpty());
    }

    @Test
    void labelsAreQuotedForEachSyntax() {
        assertEquals("\"a\\\"b\\nc\"", DotWriter.quote("a\"b\nc"));
        assertEquals("\"a#quot;b<br/>c#124;\"", MermaidWriter.quote("a\"b\nc|"));
    }

    @Test
    void dotRendersWithGraphviz(@TempDir Path dir) throws Exception {
        assumeTool(onPath("dot"), "Graphviz dot is not installed (apt-get install graphviz)");
        for (Path stack : List.of(TERRAFORM, CLOUDFORMATION)) {
            Path dot = dir.resolve(stack.getFileName() + ".dot");
            Files.writeString(dot, DotWriter.write(diagramOf(stack)), StandardCharsets.UTF_8);
            Path png = dir.resolve(stack.getFileName() + ".png");
            Run r = run(dir, "dot", "-Tpng", dot.toString(), "-o", png.toString());
            assertEquals(0, r.code(), r.output());
            assertTrue(Files.size(png) > 10_000, "a picture, not an empty image");
        }
    }

    @Test
    void mermaidParsesWithMermaidsOwnParser(@TempDir Path dir) throws Exception {
        assumeTool(onPath("node") && Files.isDirectory(MERMAID.resolve("node_modules/mermaid")),
                "node or tools/mermaid/node_modules is missing (run 'npm ci' in tools/mermaid)");
        List<String> args = new ArrayList<>(List.of("node", "mermaid-parse.mjs"));
        int pictures = 0;
        for (Path stack : List.of(TERRAFORM, CLOUDFORMATION)) {
            StackDiagram d = diagramOf(stack);
            for (StackDiagram picture : List.of(d, StackDiagrams.aroundFindings(d).orElseThrow())) {
                Path file = dir.resolve(stack.getFileName() + "-" + args.size() + ".mmd");
                Files.writeString(file, MermaidWriter.write(picture), StandardCharsets.UTF_8);
                args.add(file.toString());
                pictures++;
            }
        }
        Path broken = dir.resolve("broken.mmd");
        Files.writeString(broken, "flowchart LR\n  n1[\"a\"] -->|x| \n");
        args.add(broken.toString());
        Run r = run(MERMAID, args.toArray(String[]::new));
        // every picture parses; the broken one shows the parser really judges
        assertEquals(pictures, r.output().lines().filter(l -> l.startsWith("ok ")).count(), r.output());
        assertTrue(r.output().contains("error " + broken), r.output());
    }

    private static StackDiagram.Node node(StackDiagram d, String address) {
        return d.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }

    private static void assumeTool(boolean present, String missing) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("required under CI=true: " + missing);
        }
        assumeTrue(present, missing);
    }

    private static boolean onPath(String tool) {
        try {
            return run(REPO, tool, tool.equals("dot") ? "-V" : "--version").code() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Run(int code, String output) {
    }

    private static Run run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out: " + out);
        }
        return new Run(p.exitValue(), out);
    }
}
