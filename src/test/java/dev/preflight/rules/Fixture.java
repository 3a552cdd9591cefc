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
 * One fixture: a Terraform module directory, a CloudFormation template, or a directory of templates scanned together
 * (a directory directly under a {@code cloudformation/} fixture directory: nested stacks and cross-stack imports),
 * with the findings it expects. Expected findings are end-of-line comments {@code # expect: rule-id[, rule-id]} on
 * the line the finding must point at (HCL and YAML), or a sidecar {@code NAME.expect} with lines
 * {@code LINE rule-id} for a file that holds no comments: a JSON template, or in a Terraform fixture JSON in a
 * heredoc or a template file.
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

    // one line may hold both markers, "# expect: a # evidence: a value", in either order
    private static final Pattern EVIDENCE_MARKER = Pattern.compile(
            "#\\s*evidence:\\s*([a-z0-9-]+\\s+[a-z]+(?:\\s*,\\s*[a-z0-9-]+\\s+[a-z]+)*)\\s*(?:#.*)?$");
    private static final Pattern MARKER = Pattern.compile(
            "#\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*(?:#.*)?$");
    static final Path REPO = Path.of("").toAbsolutePath();

    /**
     * The fixtures under {@code dir}: each directory holding .tf files directly, each template file, and each
     * directory of templates scanned together.
     */
    static List<Fixture> under(Path dir) {
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isDirectory(p) && isTerraformRoot(p)) {
                    out.add(load(p, true));
                } else if (Files.isDirectory(p) && isStackSet(p)) {
                    out.add(load(p, false));
                } else if (Files.isRegularFile(p) && isTemplate(p) && !inStackSet(p)) {
                    out.add(load(p, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A directory scanned as a whole, whatever its place: its expectations come from every file below it. */
    static Fixture directory(Path dir) {
        return load(dir, false);
    }

    /** A directory of templates directly under a {@code cloudformation/} fixture directory. */
    private static boolean isStackSet(Path dir) {
        Path parent = dir.getParent();
        return parent != null && parent.getFileName().toString().equals("cloudformation");
    }

    private static boolean inStackSet(Path file) {
        for (Path q = file.getParent(); q != null && !q.equals(REPO); q = q.getParent()) {
            if (isStackSet(q)) {
                return true;
            }
        }
        return false;
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
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path f : walk.sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (!Files.isRegularFile(f)) {
                            continue;
                        }
                        if (name.endsWith(".tf") || name.endsWith(".tfvars") || (!terraform
                                && (name.endsWith(".yaml") || name.endsWith(".yml")))) {
                            expected.addAll(markers(f));
                            evidence.addAll(evidenceMarkers(f));
                        }
                        if (!name.endsWith(".expect")) {
                            // JSON (a template, a heredoc's or a template file's) holds no comments: a sidecar lists
                            // its findings
                            expected.addAll(sidecar(f));
                        }
                    }
                }
            } else if (path.toString().endsWith(".json")) {
                expected.addAll(sidecar(path));
            } else {
                expected.addAll(markers(path));
                evidence.addAll(evidenceMarkers(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture(path, terraform, expected, evidence);
    }

    /** The expectations of {@code json}, a file that holds no comments, from its {@code NAME.expect} sidecar. */
    private static List<Expected> sidecar(Path json) throws IOException {
        List<Expected> out = new ArrayList<>();
        Path sidecar = json.resolveSibling(json.getFileName() + ".expect");
        if (Files.exists(sidecar)) {
            for (String line : Files.readAllLines(sidecar)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                out.add(new Expected(relative(json), Integer.parseInt(parts[0]), parts[1]));
            }
        }
        return out;
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
