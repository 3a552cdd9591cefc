package dev.preflight.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fixture: a Terraform module directory or a CloudFormation template, with the findings it expects. Expected
 * findings are end-of-line comments {@code # expect: rule-id[, rule-id]} on the line the finding must point at
 * (HCL and YAML), or for JSON templates a sidecar {@code NAME.json.expect} with lines {@code LINE rule-id}.
 */
record Fixture(Path path, boolean terraform, Set<Expected> expected, Set<ExpectedEvidence> evidence) {
    /** An expected finding: the file (relative to the repository root, forward slashes), line, and rule. */
    record Expected(String file, int line, String ruleId) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected o) {
            int c = file.compareTo(o.file);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(line, o.line);
            return c != 0 ? c : ruleId.compareTo(o.ruleId);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + ruleId;
        }
    }

    /**
     * Evidence a finding of {@code ruleId} must carry: a related location of {@code role} ({@code resource},
     * {@code value} or {@code definition}) on this line. Marked {@code # evidence: rule-id role} at the end of the
     * line; one direction only, so a finding may carry more evidence than its fixtures pin down.
     */
    record ExpectedEvidence(String file, int line, String ruleId, String role) implements Comparable<ExpectedEvidence> {
        @Override
        public int compareTo(ExpectedEvidence o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + ruleId + " " + role;
        }
    }

    private static final Pattern EVIDENCE_MARKER = Pattern.compile(
            "#\\s*evidence:\\s*([a-z0-9-]+\\s+[a-z]+(?:\\s*,\\s*[a-z0-9-]+\\s+[a-z]+)*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*$");
    static final Path REPO = Path.of("").toAbsolutePath();

    /** The fixtures under {@code dir}: each directory holding .tf files directly, and each template file. */
    static List<Fixture> under(Path dir) {
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isDirectory(p) && isTerraformRoot(p)) {
                    out.add(load(p, true));
                } else if (Files.isRegularFile(p) && isTemplate(p)) {
                    out.add(load(p, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A directory with .tf files that is not a module called from its parent fixture (modules/...). */
    private static boolean isTerraformRoot(Path dir) throws IOException {
        for (Path q = dir; q != null && !q.equals(REPO); q = q.getParent()) {
            if (q.getFileName().toString().equals("modules")) {
                return false;
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tf"));
        }
    }

    private static boolean isTemplate(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") && !name.endsWith(".tf.json");
    }

    private static Fixture load(Path path, boolean terraform) {
        Set<Expected> expected = new TreeSet<>();
        Set<ExpectedEvidence> evidence = new TreeSet<>();
        try {
            if (terraform) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path f : walk.sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (Files.isRegularFile(f) && (name.endsWith(".tf") || name.endsWith(".tfvars"))) {
                            expected.addAll(markers(f));
                            evidence.addAll(evidenceMarkers(f));
                        }
                    }
                }
            } else if (path.toString().endsWith(".json")) {
                Path sidecar = path.resolveSibling(path.getFileName() + ".expect");
                if (Files.exists(sidecar)) {
                    for (String line : Files.readAllLines(sidecar)) {
                        String t = line.strip();
                        if (t.isEmpty() || t.startsWith("#")) {
                            continue;
                        }
                        String[] parts = t.split("\\s+");
                        expected.add(new Expected(relative(path), Integer.parseInt(parts[0]), parts[1]));
                    }
                }
            } else {
                expected.addAll(markers(path));
                evidence.addAll(evidenceMarkers(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture(path, terraform, expected, evidence);
    }

    private static List<ExpectedEvidence> evidenceMarkers(Path file) throws IOException {
        return marked(file, EVIDENCE_MARKER, (line, pair) -> {
            String[] parts = pair.strip().split("\\s+");
            return new ExpectedEvidence(relative(file), line, parts[0], parts[1]);
        });
    }

    /** One value per comma-separated item of the marker on each line that has one. */
    private static <T> List<T> marked(Path file, Pattern marker, java.util.function.BiFunction<Integer, String, T> item)
            throws IOException {
        List<T> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = marker.matcher(lines.get(i));
            if (m.find()) {
                for (String part : m.group(1).split(",")) {
                    out.add(item.apply(i + 1, part));
                }
            }
        }
        return out;
    }

    private static List<Expected> markers(Path file) throws IOException {
        return marked(file, MARKER, (line, id) -> new Expected(relative(file), line, id.strip()));
    }

    static String relative(Path p) {
        return REPO.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return relative(path);
    }
}
