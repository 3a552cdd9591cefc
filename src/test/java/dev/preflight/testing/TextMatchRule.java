package dev.preflight.testing;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in rule for tests while the loaders are stubs: it reads the files under a directory itself and reports
 * every {@code key = "needle"} attribute (or {@code Key: needle} line), with the enclosing {@code resource} block or
 * CloudFormation logical id as the resource, so findings move when lines move, as real ones do.
 */
public final class TextMatchRule implements Rule {
    private static final Pattern HCL_RESOURCE = Pattern.compile("^resource\\s+\"([^\"]+)\"\\s+\"([^\"]+)\"");
    private static final Pattern YAML_RESOURCE = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
    private static final Pattern JSON_RESOURCE = Pattern.compile("^    \"([A-Za-z0-9]+)\"\\s*:\\s*\\{");
    private static final Pattern PROPERTY = Pattern.compile("\"?([A-Za-z_]+)\"?\\s*[=:]\\s*\"?");

    private final RuleInfo info;
    private final Path root;
    private final Path baseDir;
    private final String needle;

    /** Reports {@code needle} in the files under {@code root}, with paths relative to {@code baseDir}. */
    public TextMatchRule(String id, Severity severity, Path root, Path baseDir, String needle) {
        this.info = new RuleInfo(id, severity, "No " + needle, "ValidationError: " + needle + " is refused",
                "Use something else than " + needle + ".", "resources should not use " + needle,
                List.of(Kind.SUBNET), "# " + id + "\n\nDo not write `" + needle + "`.");
        this.root = root;
        this.baseDir = baseDir;
        this.needle = needle;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public List<Finding> check(ResourceGraph graph) {
        List<Finding> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(TextMatchRule::isInput).sorted().toList()) {
                String display = baseDir.relativize(f).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(f);
                String resource = null;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    resource = resourceOn(line, resource);
                    int at = line.indexOf(needle);
                    if (at < 0 || line.contains("preflight:ignore")) {
                        continue;
                    }
                    Matcher p = PROPERTY.matcher(line.strip());
                    String property = p.lookingAt() ? p.group(1) : "?";
                    out.add(new Finding(info.id(), info.severity(), needle + " is not allowed here",
                            new Span(display, i + 1, at + 1, i + 1, at + 1 + needle.length()), resource, property,
                            needle, info.fixHint()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Terraform files and templates, not the config file, baselines or reports the tests write beside them. */
    private static boolean isInput(Path f) {
        String n = f.getFileName().toString();
        return Files.isRegularFile(f) && !n.startsWith(".") && (n.endsWith(".tf") || n.endsWith(".yaml")
                || n.endsWith(".json") && !n.startsWith("preflight"));
    }

    private static String resourceOn(String line, String current) {
        Matcher m = HCL_RESOURCE.matcher(line);
        if (m.find()) {
            return m.group(1) + "." + m.group(2);
        }
        m = YAML_RESOURCE.matcher(line);
        if (m.find()) {
            return m.group(1);
        }
        m = JSON_RESOURCE.matcher(line);
        return m.find() ? m.group(1) : current;
    }
}
