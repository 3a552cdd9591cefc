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
import dev.preflight.source.Skipped;
import dev.preflight.source.SourceDiscovery;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.source.Span;
import dev.preflight.terraform.CallSites;
import dev.preflight.terraform.ModuleCallStatus;
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
        List<Skipped> skipped = new ArrayList<>();
        for (Skipped s : discovered.skipped()) {
            skipped.add(new Skipped(displayPath(request.baseDir(), Path.of(s.path())), s.reason()));
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
        List<ModuleCallStatus> moduleCalls = new ArrayList<>();
        CallSites callSites = CallSites.NONE;
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
            TerraformLoader.Result tf = new TerraformLoader().loadAll(request.baseDir(), terraform,
                    request.variables());
            resources.addAll(tf.load().resources());
            problems.addAll(tf.load().problems());
            // templates and files the configurations read: findings point into them, reports show their lines
            tf.filesRead().forEach(f -> files.putIfAbsent(f.displayPath(), f));
            moduleCalls.addAll(tf.moduleCalls());
            callSites = tf.callSites();
            Timings.mark("load terraform");
            for (SourceFile plan : plans) {
                PlanLoader.Result loaded = new PlanLoader().load(plan, request.baseDir());
                resources.addAll(loaded.load().resources());
                problems.addAll(loaded.load().problems());
                callSites = callSites.and(loaded.callSites());
                // the plan's resources point into its .tf files: reports show their lines and read their suppressions
                loaded.configurationFiles().forEach(c -> files.putIfAbsent(c.displayPath(), c));
            }
            TemplateLoads.Loaded templates = templateLoads.results();
            problems.addAll(templates.unreadable());
            for (SourceFile template : templates.load().files()) {
                files.put(template.displayPath(), template);
            }
            resources.addAll(templates.load().resources());
            problems.addAll(templates.load().problems());
            skipped.addAll(templates.load().skipped());
        }

        Timings.mark("load plans and templates");
        List<Rule> rules = request.rules();
        Timings.mark("wait for the rules");
        ResourceGraph graph = new ResourceGraph(renames(rules).apply(resources));
        Timings.mark("build graph");
        List<Problem> ruleFailures = new ArrayList<>();
        List<Finding> findings = runRules(rules, graph, request.threads(), ruleFailures);
        Timings.mark("run rules");
        List<Problem> unreadable = new ArrayList<>();
        for (Problem p : problems) {
            if (p.unreadable()) {
                unreadable.add(p);
                findings.add(finding(p));
            } else {
                findings.add(InputDefects.finding(p, files.get(p.where().file())));
            }
        }
        for (Problem p : ruleFailures) {
            findings.add(RuleRunner.finding(p));
        }
        // a rule that failed is, like an unreadable input, a place the gate could not look: exit 2
        unreadable.addAll(ruleFailures);
        unreadable.sort((a, b) -> Span.compareStarts(a.where(), b.where()));
        return new ScanResult(presented(findings, callSites), unreadable, files, graph, skipped, moduleCalls,
                callSites);
    }

    /**
     * Findings as reports show them: sorted, one per rule and place naming its instances, and those made in installed
     * module code moved to the user's call site. Instances are merged first, so that two resources of one module
     * block stay two findings at the one call site.
     */
    static List<Finding> presented(List<Finding> findings, CallSites callSites) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(FINDING_ORDER);
        out = RepeatedFindings.merged(out);
        if (callSites == CallSites.NONE) {
            return out; // no installed module code was loaded: nothing moves, the order stands
        }
        out = CallSiteFindings.place(out, callSites);
        out.sort(FINDING_ORDER);
        return out;
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
    private static List<Finding> runRules(List<Rule> rules, ResourceGraph graph, int threads,
                                          List<Problem> failures) {
        List<Finding> findings = new ArrayList<>();
        if (threads > 1 && graph.resources().size() >= PARALLEL_RULES_THRESHOLD) {
            List<RuleRunner.Outcome> each = rules.parallelStream().map(rule -> RuleRunner.run(rule, graph)).toList();
            for (RuleRunner.Outcome o : each) {
                findings.addAll(o.findings());
                failures.addAll(o.failures());
            }
            return findings;
        }
        for (Rule rule : rules) {
            RuleRunner.Outcome o = RuleRunner.run(rule, graph);
            findings.addAll(o.findings());
            failures.addAll(o.failures());
            Timings.mark("rule " + rule.info().id());
        }
        return findings;
    }

    /** A problem with an input as the finding reports show. */
    static Finding parseError(Problem p) {
        return new Finding(PARSE_ERROR, Severity.ERROR, p.message(), p.where(), null, null, null,
                "Fix the syntax error; preflight checks nothing else in this file until it parses.");
    }

    /** The renamed properties of the declared kinds the rules read; the registry refused conflicting ones. */
    private static KindRenames renames(List<Rule> rules) {
        try {
            return KindRenames.of(rules);
        } catch (KindRenames.ConflictException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
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
