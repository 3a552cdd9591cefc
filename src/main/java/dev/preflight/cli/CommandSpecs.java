package dev.preflight.cli;

import dev.preflight.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's grammar, built with picocli's programmatic API rather than annotations: no reflection over
 * annotated classes at start-up, which matters for a tool that pre-commit starts on every commit.
 */
final class CommandSpecs {
    static final String EXIT_CODES = "%nExit codes:%n"
            + "  0  no finding at or above --fail-on%n"
            + "  1  findings at or above --fail-on%n"
            + "  2  usage error, or input that could not be read or parsed (wins over 1)";

    private CommandSpecs() {
    }

    /** The whole command line; {@code targets} collects the {@code --format}/{@code --output} pairs in order. */
    static CommandLine build(List<OutputTarget> targets) {
        CommandSpec top = CommandSpec.create().name("preflight");
        top.usageMessage().description("Finds the Terraform and CloudFormation configurations AWS will reject, "
                + "before you apply them.").footer(EXIT_CODES);
        top.addOption(flag("Show this help and exit.", "-h", "--help").toBuilder().usageHelp(true).build());
        top.addOption(flag("Print the version and exit.", "-V", "--version").toBuilder().versionHelp(true).build());
        top.version("preflight " + Version.current());
        top.addSubcommand("scan", scan(targets));
        top.addSubcommand("rules", CommandSpec.create().name("rules").addOption(help())
                .usageMessage(new CommandLine.Model.UsageMessageSpec()
                        .description("List the rules: id, severity, resource kinds, title.")));
        CommandSpec explain = CommandSpec.create().name("explain").addOption(help());
        explain.usageMessage().description("Print a rule's documentation.");
        explain.addPositional(PositionalParamSpec.builder().paramLabel("RULE-ID").arity("1").type(String.class)
                .description("The rule to explain.").build());
        top.addSubcommand("explain", explain);
        CommandLine cl = new CommandLine(top);
        // --format and --output are single-valued and repeated, each occurrence seen by its setter, in order
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }

    private static CommandSpec scan(List<OutputTarget> targets) {
        CommandSpec s = CommandSpec.create().name("scan");
        s.usageMessage().description("Scan Terraform modules and CloudFormation templates.",
                "A .tf file is widened to its module (the .tf files of its directory); when files are named, "
                        + "only findings in them are reported.").footer(EXIT_CODES);
        s.addPositional(PositionalParamSpec.builder().paramLabel("PATH").arity("0..*").type(String[].class)
                .description("Files or directories to scan (default: the current directory).").build());
        s.addOption(OptionSpec.builder("-f", "--format").paramLabel("FORMAT").type(String.class)
                .description("Output format: " + ReportFormat.names() + ". Repeatable; each may be followed "
                        + "by its own --output. Default: text.")
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value != null) {
                            targets.add(new OutputTarget(ReportFormat.parse(value.toString()), null));
                        }
                        return null;
                    }
                }).build());
        s.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(String.class)
                .description("Write the preceding --format to FILE instead of standard output.")
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value != null) {
                            attachOutput(targets, value.toString());
                        }
                        return null;
                    }
                }).build());
        s.addOption(value("--fail-on", "LEVEL", "error, warning, note or never: the mildest severity that "
                + "fails the scan (default: warning, or fail_on in the config file)."));
        s.addOption(list("--rule", "RULE-ID", "Run only this rule (repeatable)."));
        s.addOption(list("--skip-rule", "RULE-ID", "Do not run this rule (repeatable)."));
        s.addOption(list("--severity-override", "RULE=LEVEL", "Report RULE's findings as LEVEL (repeatable)."));
        s.addOption(value("-c", "--config", "FILE", "Config file (default: .preflight.yaml in the scanned "
                + "directory, else in the current directory)."));
        s.addOption(flag("Ignore .preflight.yaml.", "--no-config"));
        s.addOption(list("--exclude", "GLOB", "Skip paths matching GLOB, relative to the current directory "
                + "(repeatable; adds to the config file's)."));
        s.addOption(list("--var", "NAME=VALUE", "A Terraform variable's value, as a string (repeatable)."));
        s.addOption(list("--var-file", "FILE", "A Terraform .tfvars file to load (repeatable)."));
        s.addOption(list("--parameter", "NAME=VALUE", "A CloudFormation parameter's value (repeatable)."));
        s.addOption(value("--baseline", "FILE", "Report only findings not recorded in FILE."));
        s.addOption(value("--write-baseline", "FILE", "Record the current findings in FILE, then report as if "
                + "it were the baseline."));
        s.addOption(flag("Report suppressions that silence nothing.", "--report-unused-suppressions"));
        s.addOption(value("--color", "WHEN", "auto, always or never (default auto: only on a terminal, and "
                + "never when NO_COLOR is set)."));
        s.addOption(flag("Skip named files that are not Terraform or CloudFormation instead of failing "
                + "(for pre-commit, which passes every changed YAML and JSON file).", "--skip-unrecognized"));
        s.addOption(value("--threads", "N", "Threads for loading templates (default: the number of processors). "
                + "The output is the same for any N."));
        s.addOption(help());
        return s;
    }

    /** {@code --output} belongs to the {@code --format} before it, which must not have one yet. */
    private static void attachOutput(List<OutputTarget> targets, String file) {
        if (targets.isEmpty() || targets.get(targets.size() - 1).file() != null) {
            throw new IllegalArgumentException("--output " + file + " must follow the --format it is for");
        }
        OutputTarget last = targets.remove(targets.size() - 1);
        targets.add(new OutputTarget(last.format(), Path.of(file)));
    }

    private static OptionSpec help() {
        return flag("Show this help and exit.", "-h", "--help").toBuilder().usageHelp(true).build();
    }

    private static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).arity("0").type(boolean.class).description(description).build();
    }

    private static OptionSpec value(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description).build();
    }

    private static OptionSpec value(String shortName, String name, String label, String description) {
        return OptionSpec.builder(shortName, name).paramLabel(label).type(String.class).description(description)
                .build();
    }

    private static OptionSpec list(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String[].class).arity("1")
                .description(description).build();
    }

    /** The values a repeatable option collected, in order; empty when it was not given. */
    static List<String> values(CommandSpec spec, String name) {
        String[] v = spec.findOption(name).getValue();
        return v == null ? List.of() : new ArrayList<>(List.of(v));
    }

    /** A single-valued option's value, or null. */
    static String value(CommandSpec spec, String name) {
        return spec.findOption(name).getValue();
    }

    static boolean flag(CommandSpec spec, String name) {
        Boolean v = spec.findOption(name).getValue();
        return v != null && v;
    }
}
