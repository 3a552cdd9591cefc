package dev.preflight.cli;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.Analysis;
import dev.preflight.engine.Baseline;
import dev.preflight.engine.BuiltInRules;
import dev.preflight.engine.Config;
import dev.preflight.engine.FailOn;
import dev.preflight.engine.Gate;
import dev.preflight.engine.InputSelection;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.Scanner;
import dev.preflight.engine.Suggestions;
import dev.preflight.engine.Timings;
import dev.preflight.report.Report;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.report.ReportFormat;
import dev.preflight.report.Reporter;
import dev.preflight.report.ToolInfo;
import dev.preflight.source.Skipped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code preflight scan}: maps options and the config file to an analysis, runs it, writes the reports. Plain loops
 * rather than lambdas: each lambda call site costs its first run a bootstrap, and this code runs once per process.
 *
 * <p>The rules are asked for as late as possible: to check rule ids only when the config file or an option names
 * some, otherwise when the scanner has loaded the inputs. The registry may still be being built meanwhile.
 */
final class ScanCommand {
    private final Console console;
    private final Supplier<RuleRegistry> builtIn;
    private CommandRules rules;

    ScanCommand(Console console, Supplier<RuleRegistry> builtIn) {
        this.console = console;
        this.builtIn = builtIn;
    }

    /** Runs the scan the parsed command line describes and returns the exit code. */
    int run(ParsedArgs args) throws UsageException, IOException {
        List<OutputTarget> targets = OutputTarget.inOrder(args);
        Path cwd = console.workingDir();
        List<Path> paths = new ArrayList<>();
        List<String> named = args.positionals().isEmpty() ? List.of(".") : args.positionals();
        for (String p : named) {
            paths.add(cwd.resolve(p).normalize());
        }
        rules = new CommandRules(builtIn, cwd, args);
        Config config = rules.readConfig(ConfigChoice.of(args, cwd, paths));

        List<String> only = checkIds(args.values("rule"), "--rule");
        List<String> skipped = checkIds(args.values("skip-rule"), "--skip-rule");
        Set<String> disabled = new TreeSet<>(config.disabledRules());
        disabled.addAll(skipped);
        disabled.removeAll(only); // the command line wins over the file
        for (String id : List.of(Scanner.PARSE_ERROR, Scanner.INPUT_ERROR)) {
            if (disabled.contains(id)) {
                throw new UsageException(id + " cannot be skipped: a gate must not pass because it could not look");
            }
        }
        List<String> enabled = only.isEmpty() ? config.enabledRules() : only;

        Map<String, Severity> severities = new LinkedHashMap<>(config.severityOverrides());
        for (String o : args.values("severity-override")) {
            String[] kv = splitPair(o, "--severity-override", "RULE=LEVEL");
            checkIds(List.of(kv[0]), "--severity-override");
            severities.put(kv[0], severity(kv[1]));
        }
        FailOn failOn = failOn(args.value("fail-on"), config.failOn());
        EmptyScan onEmpty = EmptyScan.of(args.value("on-empty"), console.env());

        Map<String, String> variables = new LinkedHashMap<>(config.variables());
        for (String v : args.values("var")) {
            String[] kv = splitPair(v, "--var", "NAME=VALUE");
            variables.put(kv[0], ScanRequest.stringVariable(kv[1]));
        }
        Map<String, String> parameters = new LinkedHashMap<>(config.parameters());
        for (String v : args.values("parameter")) {
            String[] kv = splitPair(v, "--parameter", "NAME=VALUE");
            parameters.put(kv[0], kv[1]);
        }
        List<String> excludes = new ArrayList<>(config.excludes());
        excludes.addAll(args.values("exclude"));

        InputSelection.Selected selected = new InputSelection(cwd, excludes,
                args.flag("skip-unrecognized")).select(paths);
        Set<Path> scanned = new LinkedHashSet<>(selected.paths());
        scanned.addAll(config.varFiles());
        for (String f : args.values("var-file")) {
            scanned.add(cwd.resolve(f).normalize());
        }
        selected = new InputSelection.Selected(List.copyOf(scanned), selected.scope(), selected.problems(),
                selected.named());

        String writeBaseline = args.value("write-baseline");
        String baselineFile = args.value("baseline");
        Baseline baseline = writeBaseline == null && baselineFile != null ? readBaseline(cwd.resolve(baselineFile))
                : null;
        Analysis analysis = new Analysis(severities, args.flag("report-unused-suppressions"),
                baseline, disabled);
        ScanRequest request = new ScanRequest(selected.paths(), cwd, variables, parameters,
                new SelectedRules(rules, enabled, disabled), threads(args.value("threads")));
        Timings.mark("read options and config");
        Analysis.Outcome outcome;
        try {
            outcome = analysis.run(request, selected);
        } catch (CommandRules.UnusableRules e) {
            throw e.usageError(); // users' rules load while the inputs do; one that cannot be used ends the scan here
        }

        if (writeBaseline != null) {
            Path file = cwd.resolve(writeBaseline);
            Baseline.write(file, outcome.findings());
            List<ReportedFinding> remaining = readBaseline(file).newFindings(outcome.findings());
            outcome = outcome.withBaselined(remaining);
            console.err().println("preflight: wrote " + outcome.baselined() + " findings to " + writeBaseline);
        }

        if (args.flag("verbose")) {
            for (Skipped s : outcome.skipped()) {
                console.err().println("preflight: skipped " + s.path() + ": " + s.reason());
            }
        }

        Report report = new Report(new ToolInfo("preflight", Version.current(), Main.INFORMATION_URI),
                ruleMetadata(request.rules(), severities), outcome.findings(), outcome.problems(), outcome.files(),
                SourceRoot.prefix(cwd), outcome.baselined(), outcome.moduleCalls(), outcome.coverage());
        writeReports(report, targets.isEmpty() ? List.of(new OutputTarget(ReportFormat.TEXT, null)) : targets,
                args.value("color"), failOn, outcome.graph());
        Timings.mark("write reports");
        if (outcome.files().isEmpty() && outcome.problems().isEmpty()) {
            return onEmpty.report(console.err(), named, excludes);
        }
        return Gate.exitCode(outcome.findings(), outcome.problems(), failOn);
    }

    private List<String> checkIds(List<String> ids, String option) throws UsageException {
        for (String id : ids) {
            if (!rules.knownIds().contains(id)) {
                String suggestion = Suggestions.didYouMean(id, rules.knownIds());
                throw new UsageException(option + ": unknown rule id '" + id + "'"
                        + (suggestion.isEmpty() ? " (see 'preflight rules')" : suggestion));
            }
        }
        return ids;
    }

    private static int threads(String option) throws UsageException {
        if (option == null) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        try {
            int n = Integer.parseInt(option.trim());
            if (n >= 1 && n <= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException("--threads takes a whole number from 1 to 1024, not '" + option + "'");
    }

    private static String[] splitPair(String text, String option, String form) throws UsageException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " takes " + form + ", not '" + text + "'");
        }
        return new String[] {text.substring(0, eq).trim(), text.substring(eq + 1).trim()};
    }

    private static Severity severity(String word) throws UsageException {
        try {
            return Severity.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + word + "' is not one of error, warning, note");
        }
    }

    private static FailOn failOn(String option, FailOn fromConfig) throws UsageException {
        if (option == null) {
            return fromConfig == null ? FailOn.WARNING : fromConfig;
        }
        try {
            return FailOn.parse(option);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-on: " + e.getMessage());
        }
    }

    private static Baseline readBaseline(Path file) throws UsageException {
        try {
            return Baseline.read(file);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The rules that ran, with their severities as overridden, then the engine's own. */
    private static List<RuleInfo> ruleMetadata(List<Rule> rules, Map<String, Severity> severities) {
        List<RuleInfo> infos = new ArrayList<>();
        for (Rule r : rules) {
            infos.add(withSeverity(r.info(), severities));
        }
        for (RuleInfo r : BuiltInRules.all()) {
            infos.add(withSeverity(r, severities));
        }
        return infos;
    }

    private static RuleInfo withSeverity(RuleInfo r, Map<String, Severity> severities) {
        Severity s = severities.get(r.id());
        return s == null ? r : r.withSeverity(s);
    }

    private void writeReports(Report report, List<OutputTarget> targets, String colorWhen, FailOn failOn,
                              ResourceGraph graph)
            throws IOException, UsageException {
        boolean color = color(colorWhen);
        for (OutputTarget t : targets) {
            Reporter reporter = t.format() == ReportFormat.MARKDOWN
                    ? MarkdownSummary.reporter(report, graph, console.env()) : null;
            if (t.file() == null) {
                (reporter != null ? reporter : t.format().reporter(color, failOn)).write(report, console.out());
                continue;
            }
            Path file = console.workingDir().resolve(t.file());
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                (reporter != null ? reporter : t.format().reporter(false, failOn)).write(report, out);
            }
        }
    }

    private boolean color(String when) throws UsageException {
        String w = when == null ? "auto" : when.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> console.terminal() && console.env().getOrDefault("NO_COLOR", "").isEmpty();
            default -> throw new UsageException("--color takes auto, always or never, not '" + when + "'");
        };
    }
}
