package dev.preflight.cli;

import dev.preflight.report.ReportFormat;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What each command accepts: its options, its positional arguments and the words its help shows. The one place the
 * command line is defined; the parser and the help both read it. A grammar is built only for the command being
 * run, because the pre-commit hook starts a JVM per commit and every option built is start-up time.
 *
 * <p>Options are keyed by their long name without dashes ({@code "fail-on"}); {@link ParsedArgs} uses the same
 * keys.
 */
final class CommandGrammar {
    /** The name of the top level, before a command is chosen. */
    static final String TOP = "preflight";

    static final String EXIT_CODES = "Exit codes:\n"
            + "  0  no finding at or above --fail-on\n"
            + "  1  findings at or above --fail-on\n"
            + "  2  usage error, or input that could not be read or parsed (wins over 1)\n";

    /** The commands, in the order the top level's help lists them. */
    static final String[] COMMANDS = {"scan", "graph", "rules", "explain"};

    final String name;
    /** One or more lines, the first of which is the summary the top level's help lists. */
    final String description;
    /** What follows the options in the usage line: {@code "[PATH]..."}, or empty. */
    final String operands;
    /** The positional argument's label, or null when the command takes none. */
    final String positional;
    final String positionalDescription;
    final int minPositionals;
    final int maxPositionals;
    /** Whether the help ends with {@link #EXIT_CODES}. */
    final boolean exitCodes;
    final Options options;

    private CommandGrammar(String name, String description, String operands, String positional,
            String positionalDescription, int minPositionals, int maxPositionals, boolean exitCodes,
            Options options) {
        this.name = name;
        this.description = description;
        this.operands = operands;
        this.positional = positional;
        this.positionalDescription = positionalDescription;
        this.minPositionals = minPositionals;
        this.maxPositionals = maxPositionals;
        this.exitCodes = exitCodes;
        this.options = options;
    }

    /** The command names as a sentence, for messages: "scan, rules or explain". */
    static String commandList() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < COMMANDS.length; i++) {
            s.append(i == 0 ? "" : i == COMMANDS.length - 1 ? " or " : ", ").append(COMMANDS[i]);
        }
        return s.toString();
    }

    /** The top level: only help and version; the first other word names the command. */
    static CommandGrammar top() {
        Options o = new Options();
        o.addOption(flag("h", "help", "Show this help and exit."));
        o.addOption(flag("V", "version", "Print the version and exit."));
        return new CommandGrammar(TOP, "Finds the Terraform and CloudFormation configurations AWS will reject, "
                + "before you apply them.", "COMMAND [ARG]...", null, null, 0, 0, true, o);
    }

    /** The grammar of command {@code name}, or null when there is no such command. */
    static CommandGrammar command(String name) {
        switch (name) {
            case "scan":
                return scan();
            case "graph":
                return graph();
            case "rules":
                return new CommandGrammar("rules", "List the rules: id, severity, resource kinds, title (and, for "
                        + "users' rules, the jar or file they come from).", "", null, null, 0, 0, false,
                        withHelp(withUserRules(new Options())));
            case "explain":
                return new CommandGrammar("explain", "Print a rule's documentation.", "RULE-ID", "RULE-ID",
                        "The rule to explain.", 1, 1, false, withHelp(withUserRules(new Options())));
            default:
                return null;
        }
    }

    private static CommandGrammar scan() {
        Options o = new Options();
        o.addOption(value("f", "format", "FORMAT", "Output format: " + ReportFormat.names() + ". Repeatable; each "
                + "may be followed by its own --output. Default: text."));
        o.addOption(value("o", "output", "FILE", "Write the preceding --format to FILE instead of standard "
                + "output."));
        o.addOption(value(null, "fail-on", "LEVEL", "error, warning, note or never: the mildest severity that "
                + "fails the scan (default: warning, or fail_on in the config file)."));
        o.addOption(value(null, "rule", "RULE-ID", "Run only this rule (repeatable)."));
        o.addOption(value(null, "skip-rule", "RULE-ID", "Do not run this rule (repeatable)."));
        o.addOption(value(null, "severity-override", "RULE=LEVEL", "Report RULE's findings as LEVEL "
                + "(repeatable)."));
        withUserRules(o);
        o.addOption(value(null, "exclude", "GLOB", "Skip paths matching GLOB, relative to the current directory "
                + "(repeatable; adds to the config file's)."));
        o.addOption(value(null, "var", "NAME=VALUE", "A Terraform variable's value, as a string (repeatable)."));
        o.addOption(value(null, "var-file", "FILE", "A Terraform .tfvars file to load (repeatable)."));
        o.addOption(value(null, "parameter", "NAME=VALUE", "A CloudFormation parameter's value (repeatable)."));
        o.addOption(value(null, "baseline", "FILE", "Report only findings not recorded in FILE."));
        o.addOption(value(null, "write-baseline", "FILE", "Record the current findings in FILE, then report as "
                + "if it were the baseline."));
        o.addOption(flag(null, "report-unused-suppressions", "Report suppressions that silence nothing."));
        o.addOption(value(null, "color", "WHEN", "auto, always or never (default auto: only on a terminal, and "
                + "never when NO_COLOR is set)."));
        o.addOption(flag(null, "skip-unrecognized", "Skip named files that are not Terraform or CloudFormation "
                + "instead of failing (for pre-commit, which passes every changed YAML and JSON file)."));
        o.addOption(flag("v", "verbose", "Say on standard error which files and folders were left out and why "
                + "(YAML and JSON files that are not templates, tools' folders such as .terraform or .aws-sam)."));
        o.addOption(value(null, "on-empty", "WHAT", "fail or pass: what a scan that finds no Terraform or "
                + "CloudFormation to check does (default: fail when CI=true, else pass; it says so on stderr "
                + "either way). fail exits with 2, so that a mistyped path cannot pass a CI gate forever."));
        o.addOption(value(null, "threads", "N", "Threads for reading files, loading templates and running "
                + "rules (default: the number of processors). The output is the same for any N."));
        return new CommandGrammar("scan", "Scan Terraform modules and CloudFormation templates.\n"
                + "A .tf file is widened to its module (the .tf files of its directory); when files are named, "
                + "only findings in them are reported.", "[PATH]...", "PATH",
                "Files or directories to scan (default: the current directory).", 0, Integer.MAX_VALUE, true,
                withHelp(o));
    }

    private static CommandGrammar graph() {
        Options o = new Options();
        o.addOption(value("f", "format", "FORMAT", "dot (Graphviz, the default) or mermaid."));
        o.addOption(value("o", "output", "FILE", "Write to FILE instead of standard output."));
        o.addOption(value(null, "focus", "ADDRESS", "Draw only this resource (e.g. aws_lb.web) and the resources "
                + "joined to it."));
        return new CommandGrammar("graph", "Draw the resource graph of one root module or template.\n"
                + "VPCs, subnets by availability zone, route tables and where they route, gateways, endpoints, load "
                + "balancers, target groups, services, task definitions, roles and repositories; resources with "
                + "findings are marked with their rule ids. Render DOT with 'dot -Tpng'.", "[PATH]", "PATH",
                "A root module's directory or a template (default: the current directory).", 0, 1, false,
                withHelp(o));
    }

    /**
     * Users' rules and the config file, which may name more: the options {@code scan}, {@code rules} and
     * {@code explain} share, so that all three see the same rules.
     */
    private static Options withUserRules(Options o) {
        o.addOption(value(null, "rules-jar", "JAR", "Also run the rules in this jar (repeatable). A jar is code: it "
                + "loads only from the command line or a config file of the current directory or named with "
                + "--config, never from a config file found in a scanned folder."));
        o.addOption(value(null, "rules-file", "FILE", "Also run the rules in this YAML rule file (repeatable)."));
        o.addOption(value("c", "config", "FILE", "Config file (default: .preflight.yaml in the scanned "
                + "directory, else in the current directory)."));
        o.addOption(flag(null, "no-config", "Ignore .preflight.yaml."));
        return o;
    }

    private static Options withHelp(Options o) {
        return o.addOption(flag("h", "help", "Show this help and exit."));
    }

    /**
     * An option without a value. Every option, flag or not, may be repeated: single-valued ones keep the last
     * value, as is usual for command lines that wrappers extend by appending.
     */
    private static Option flag(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).desc(description).build();
    }

    /** An option that takes one value per occurrence. */
    private static Option value(String shortName, String longName, String label, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(label).desc(description).build();
    }
}
