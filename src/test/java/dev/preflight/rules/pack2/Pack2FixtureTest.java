package dev.preflight.rules.pack2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures of rule pack II, checked both ways with every registered rule: each {@code # expect: id} marker (or
 * {@code NAME.json.expect} line) is reported at its line and nothing else is. Same convention as the shared fixture
 * test; this one only walks the pack's own directories, so the pack can be checked on its own.
 */
class Pack2FixtureTest {
    static final Path REPO = Path.of("").toAbsolutePath();
    static final List<String> RULE_IDS = List.of("fargate-cpu-memory-invalid", "fargate-gpu-unsupported",
            "fargate-network-mode", "awsvpc-host-port-mismatch", "target-group-type-incompatible",
            "ecs-lb-container-mismatch", "public-subnet-without-public-ip", "execution-role-missing-permissions",
            "ecs-exec-missing-task-role-permissions", "apprunner-ecr-access-role-missing",
            "autoscaling-min-exceeds-max", "subnet-cidr-outside-vpc", "nat-without-s3-gateway-endpoint",
            "ecs-circuit-breaker-disabled", "log-group-retention-missing", "ecr-scan-on-push-disabled",
            "eks-extended-support-version", "security-group-open-admin-port");
    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*$");

    static Stream<String> fixtures() throws IOException {
        List<String> out = new ArrayList<>();
        for (String id : RULE_IDS) {
            Path dir = REPO.resolve("testdata/rules/" + id);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted().toList()) {
                    String rel = REPO.relativize(p).toString().replace('\\', '/');
                    String name = p.getFileName().toString();
                    if (Files.isDirectory(p) && !rel.contains("/modules/") && !name.equals("modules") && hasTf(p)) {
                        out.add(rel);
                    } else if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml")
                            || name.endsWith(".json") && !name.endsWith(".tf.json"))) {
                        out.add(rel);
                    }
                }
            }
        }
        return out.stream();
    }

    private static boolean hasTf(Path dir) throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.anyMatch(f -> f.getFileName().toString().endsWith(".tf"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsAreExactlyTheExpectedOnes(String fixture) throws IOException {
        Path path = REPO.resolve(fixture);
        TreeSet<String> expected = new TreeSet<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".tf") || n.endsWith(".tfvars")) {
                        markers(f, expected);
                    }
                }
            }
        } else if (fixture.endsWith(".json")) {
            Path sidecar = path.resolveSibling(path.getFileName() + ".expect");
            if (Files.exists(sidecar)) {
                for (String line : Files.readAllLines(sidecar)) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        String[] parts = t.split("\\s+");
                        expected.add(fixture + ":" + parts[0] + " " + parts[1]);
                    }
                }
            }
        } else {
            markers(path, expected);
        }
        ScanResult result = new Scanner().scan(new ScanRequest(List.of(path), REPO, Map.of(), Map.of(),
                RuleRegistry.discover().rules(), 1));
        assertFalse(result.graph().resources().isEmpty(), "no resources loaded: " + result.problems());
        TreeSet<String> actual = new TreeSet<>();
        StringBuilder messages = new StringBuilder();
        for (Finding f : result.findings()) {
            String key = f.span().file() + ":" + f.span().line() + " " + f.ruleId();
            actual.add(key);
            messages.append("\n  ").append(key).append(": ").append(f.message());
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), fixture + messages);
    }

    private static void markers(Path file, TreeSet<String> out) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String rel = REPO.relativize(file).toString().replace('\\', '/');
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.find()) {
                for (String id : m.group(1).split(",")) {
                    out.add(rel + ":" + (i + 1) + " " + id.strip());
                }
            }
        }
    }
}
