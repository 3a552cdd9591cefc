package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.cli.Console;
import dev.preflight.cli.Main;
import dev.preflight.engine.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linter run on pull requests must neither reach the network nor leave files behind. The whole corpus is scanned
 * by a child JVM inside a new network namespace ({@code unshare -n}: no interface but a downed loopback), with a
 * fresh, empty working directory, HOME and temp directory. The child must finish with the same report as an
 * in-process scan, and the only new file anywhere in those directories must be the {@code --output} report.
 * Needs util-linux's unshare and the right to make namespaces (root); skipped otherwise, except under CI=true.
 */
class IsolatedScanTest {
    @TempDir
    Path sandbox;

    @Test
    void wholeCorpusScanWithoutNetworkWritesOnlyItsReport() throws Exception {
        Path corpus = CorpusParseCountTest.corpus().toAbsolutePath().normalize();
        Path work = Files.createDirectories(sandbox.resolve("work"));
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Path tmp = Files.createDirectories(sandbox.resolve("tmp"));
        Path report = work.resolve("out/report.json");
        assumeNamespacesWork();

        List<String> corpusBefore = listing(corpus);
        List<String> sandboxBefore = listing(sandbox);

        List<String> command = new ArrayList<>(List.of("unshare", "-n", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", // no hsperfdata file in the temp directory
                "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), ProbeThenScan.class.getName(),
                "scan", "--no-config", "--fail-on", "never", "--format", "json", "--output", "out/report.json",
                corpus.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TMPDIR", tmp.toString());
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "child scan did not finish");
        assertEquals(2, child.exitValue(), output); // the corpus has unreadable templates
        assertTrue(output.contains(ProbeThenScan.NO_NETWORK), "the child saw a network interface:\n" + output);

        // same report as a scan with the network available, from a working directory equally outside the corpus
        byte[] isolated = Files.readAllBytes(report);
        byte[] normal = inProcessScan(work, corpus);
        JsonNode a = new ObjectMapper().readTree(isolated);
        JsonNode b = new ObjectMapper().readTree(normal);
        assertTrue(a.path("findings").size() > 50, "the isolated scan found things");
        assertEquals(b.path("findings"), a.path("findings"));
        assertEquals(b.path("errors"), a.path("errors"));
        assertEquals(b.path("summary"), a.path("summary"));
        System.out.printf("isolated corpus scan: %d findings, %d errors, %d files; output: %s%n",
                a.path("findings").size(), a.path("errors").size(), a.path("summary").path("filesScanned").asInt(),
                output.strip());

        List<String> sandboxAfter = listing(sandbox);
        sandboxAfter.removeAll(sandboxBefore);
        assertEquals(List.of("work/out", "work/out/report.json"), sandboxAfter, "new files besides the report");
        assertEquals(corpusBefore, listing(corpus), "the corpus was changed");
    }

    /** Runs in the child: says whether any interface but loopback exists, then runs the CLI. */
    public static final class ProbeThenScan {
        static final String NO_NETWORK = "network: only loopback";

        public static void main(String[] args) throws IOException {
            List<String> interfaces = new ArrayList<>();
            List<String> lines = Files.readAllLines(Paths.get("/proc/self/net/dev"));
            for (String line : lines.subList(2, lines.size())) {
                interfaces.add(line.strip().split(":")[0]);
            }
            System.out.println(interfaces.equals(List.of("lo")) ? NO_NETWORK : "network: " + interfaces);
            System.exit(Main.run(args));
        }
    }

    private static byte[] inProcessScan(Path cwd, Path corpus) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), cwd, Map.of(), false);
        new Main(console, RuleRegistry::discover).execute("scan", "--no-config", "--fail-on", "never", "--format",
                "json", corpus.toString());
        return out.toByteArray();
    }

    private static void assumeNamespacesWork() throws InterruptedException {
        boolean ok;
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        if (!ok && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("unshare -n is not available under CI=true: the no-network proof cannot run");
        }
        assumeTrue(ok, "unshare -n not available (needs util-linux and root); no-network test skipped");
    }

    /** Every path below {@code root}, relative, with size and modification time for files. */
    private static List<String> listing(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                out.add(Files.isRegularFile(p) && !rel.startsWith("work/out")
                        ? rel + " " + Files.size(p) + " " + Files.getLastModifiedTime(p) : rel);
            }
        }
        return new ArrayList<>(out);
    }
}
