package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.DiscoveredFile;
import dev.preflight.source.InputKind;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceDiscovery;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.source.Span;
import dev.preflight.terraform.TerraformLoader;
import dev.preflight.terraform.plan.PlanLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** The whole pipeline: discover, read, load, build the graph, run the rules. Holds no state between scans. */
public final class Scanner {
    /** The rule id of findings that say an input could not be parsed or loaded. */
    public static final String PARSE_ERROR = "parse-error";
    /** The rule id of findings that say a path does not exist or cannot be read. */
    public static final String INPUT_ERROR = "input-error";
    /** The advice on a file that does not parse, when its problem has none of its own. */
    static final String PARSE_HINT = "Fix the syntax error; preflight checks nothing else in this file until it "
            + "parses.";

    /** Below this many files a pre-commit run reads them on one thread: starting a pool costs more than it saves. */
    private static final int PARALLEL_READ_THRESHOLD = 64;
    /** From this many resources the rules run side by side. */
    private static final int PARALLEL_RULES_THRESHOLD = 1000;

    /**
     * Findings by position, then rule id, then message. Written out rather than chained with
     * {@code Comparator.comparing}: the JDK's own lambdas behind that chain are not kept in the class-data archive,
     * so every run generated their classes anew.
     */
    public static final Comparator<Finding> FINDING_ORDER = Scanner::compareFindings;

    private static int compareFindings(Finding a, Finding b) {
        int c = Span.compareStarts(a.span(), b.span());
        if (c == 0) {
            c = a.ruleId().compareTo(b.ruleId());
        }
        return c != 0 ? c : a.message().compareTo(b.message());
    }

    public ScanResult scan(ScanRequest request) {
        SourceDiscovery.Result discovered = new SourceDiscovery().discover(request.paths());
        List<Problem> problems = new ArrayList<>();
        for (Problem p : discovered.problems()) {
            // discovery names paths as given; reports show them relative to the base directory like all others
            Span w = p.where();
            problems.add(p.at(new Span(displayPath(request.baseDir(), Path.of(w.file())), w.line(), w.column(),
                    w.endLine(), w.endColumn())));
        }
        Map<String, SourceFile> files = new TreeMap<>();
        List<SourceFile> terraform = new ArrayList<>();
        List<SourceFile> plans = new ArrayList<>();
        List<DiscoveredFile> templateInputs = new ArrayList<>();
        List<DiscoveredFile> otherInputs = new ArrayList<>();
        for (DiscoveredFile f : discovered.files()) {
            boolean template = f.kind() == InputKind.CLOUDFORMATION_JSON || f.kind() == InputKind.CLOUDFORMATION_YAML;
            (template ? templateInputs : otherInputs).add(f);
        }
        Timings.mark("discover");

        List<Resource> resources = new ArrayList<>();
        // templates are read and loaded on other threads from here on, while this one reads and loads the rest: on
        // a pre-commit run a template and a Terraform module are the largest pieces of work, independent of each other
        try (TemplateLoads templateLoads = TemplateLoads.start(templateInputs, request)) {
            Object[] read = readAll(otherInputs, request);
            Timings.mark("read");
            for (int i = 0; i < otherInputs.size(); i++) {
                if (read[i] instanceof SourceFile source) {
                    files.put(source.displayPath(), source);
                    (otherInputs.get(i).kind() == InputKind.TERRAFORM_PLAN ? plans : terraform).add(source);
                } else {
                    problems.add((Problem) read[i]);
                }
            }
            LoadResult tf = new TerraformLoader().load(request.baseDir(), terraform, request.variables());
            resources.addAll(tf.resources());
            problems.addAll(tf.problems());
            Timings.mark("load terraform");
            for (SourceFile plan : plans) {
                PlanLoader.Result loaded = new PlanLoader().load(plan, request.baseDir());
                resources.addAll(loaded.load().resources());
                problems.addAll(loaded.load().problems());
                // the plan's resources point into its .tf files: reports show their lines and read their suppressions
                loaded.configurationFiles().forEach(c -> files.putIfAbsent(c.displayPath(), c));
            }
            for (TemplateLoads.Loaded t : templateLoads.results()) {
                if (t.unreadable() != null) {
                    problems.add(t.unreadable());
                    continue;
                }
                files.put(t.file().displayPath(), t.file());
                resources.addAll(t.result().resources());
                problems.addAll(t.result().problems());
            }
        }

        Timings.mark("load plans and templates");
        ResourceGraph graph = new ResourceGraph(resources);
        Timings.mark("build graph");
        List<Rule> rules = request.rules();
        Timings.mark("wait for the rules");
        List<Finding> findings = runRules(rules, graph, request.threads());
        Timings.mark("run rules");
        for (Problem p : problems) {
            findings.add(finding(p));
        }
        findings.sort(FINDING_ORDER);
        findings = withoutRepeats(findings);
        problems.sort((a, b) -> Span.compareStarts(a.where(), b.where()));
        return new ScanResult(findings, problems, files, graph);
    }

    /** The finding that reports {@code problem}: an input error or a parse error, with what to do. */
    static Finding finding(Problem problem) {
        boolean input = problem.kind() == Problem.Kind.INPUT;
        String hint = problem.hint() != null ? problem.hint()
                : input ? SourceReader.UNREADABLE_HINT : PARSE_HINT;
        return new Finding(input ? INPUT_ERROR : PARSE_ERROR, Severity.ERROR, problem.message(), problem.where(),
                null, null, null, hint);
    }

    /**
     * Every rule's findings. Rules only read the graph, so on a large one they run side by side; on a small one (a
     * pre-commit run) one thread is faster, and each rule's time is marked for {@code PREFLIGHT_TIMINGS}. The order
     * of the findings does not matter: they are sorted afterwards.
     */
    private static List<Finding> runRules(List<Rule> rules, ResourceGraph graph, int threads) {
        List<Finding> findings = new ArrayList<>();
        if (threads > 1 && graph.resources().size() >= PARALLEL_RULES_THRESHOLD) {
            List<List<Finding>> each = rules.parallelStream().map(rule -> rule.check(graph)).toList();
            each.forEach(findings::addAll);
            return findings;
        }
        for (Rule rule : rules) {
            findings.addAll(rule.check(graph));
            Timings.mark("rule " + rule.info().id());
        }
        return findings;
    }

    /**
     * A module called from several places yields the same finding at the same place once per call; the user has
     * one line to fix, so one finding is reported (the first in order).
     */
    private static List<Finding> withoutRepeats(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Finding f : sorted) {
            if (seen.add(f.ruleId() + "|" + f.span())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Reads the files in parallel (decoding and line indexing are CPU work, and a monorepo has thousands of files);
     * each slot holds the file's {@link SourceFile} or the {@link Problem} that says why it could not be read.
     */
    private static Object[] readAll(List<DiscoveredFile> found, ScanRequest request) {
        Object[] out = new Object[found.size()];
        IntStream indexes = IntStream.range(0, found.size());
        if (found.size() >= PARALLEL_READ_THRESHOLD && request.threads() > 1) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> out[i] = read(found.get(i).path(), request));
        return out;
    }

    /** The file's {@link SourceFile}, or the {@link Problem} that says why it could not be read. */
    static Object read(Path path, ScanRequest request) {
        String display = displayPath(request.baseDir(), path);
        try {
            return SourceReader.read(path, display);
        } catch (SourceReader.InvalidTextException e) {
            return Problem.input(new Span(display, e.line(), e.column(), e.line(), e.column()), e.getMessage(),
                    SourceReader.UNREADABLE_HINT);
        } catch (IOException e) {
            return Problem.input(new Span(display, 1, 1, 1, 1), SourceReader.describe(e),
                    SourceReader.UNREADABLE_HINT);
        }
    }

    /**
     * Paths relative to the base directory (the current directory for the CLI), also above it
     * ({@code ../shared/x.tf}), with forward slashes, as users and SARIF expect.
     */
    static String displayPath(Path baseDir, Path file) {
        return SourceFile.relativePath(baseDir, file);
    }
}
