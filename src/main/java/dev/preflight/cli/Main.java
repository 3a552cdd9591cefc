package dev.preflight.cli;

import dev.preflight.engine.Gate;
import dev.preflight.engine.RuleInfo;
import dev.preflight.engine.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The command line: {@code scan}, {@code rules}, {@code explain}. {@link #run} returns the exit code and only
 * {@link #main} exits, so tests and embedders call {@link #run} or {@link #execute}.
 */
public final class Main {
    /**
     * Where users read about preflight (SARIF's informationUri, base of each rule's helpUri): the address of the
     * repository the tool was installed from, given by {@code PREFLIGHT_DOCS_URI}; no address is invented when unset.
     */
    static final String INFORMATION_URI = System.getenv("PREFLIGHT_DOCS_URI");

    private final Console console;
    private final Supplier<RuleRegistry> rules;

    /** A command line on {@code console} whose rules come from {@code rules}, asked only when needed. */
    public Main(Console console, Supplier<RuleRegistry> rules) {
        this.console = console;
        this.rules = rules;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's console with the rules on the class path. */
    public static int run(String... args) {
        return new Main(Console.system(), RuleRegistry::discover).execute(args);
    }

    /** Runs one command and returns its exit code. */
    public int execute(String... args) {
        List<OutputTarget> targets = new ArrayList<>();
        CommandLine cl = CommandSpecs.build(targets);
        ParseResult parsed;
        try {
            parsed = cl.parseArgs(args);
        } catch (CommandLine.PicocliException e) {
            String command = e instanceof CommandLine.ParameterException p
                    ? p.getCommandLine().getCommandName() : "scan";
            return usageError(refusal(e).getMessage(), command);
        }
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return helpOrVersion(cl, parsed);
        }
        if (!parsed.hasSubcommand()) {
            cl.usage(console.err());
            return Gate.USAGE_OR_INPUT_ERROR;
        }
        ParseResult sub = parsed.subcommand();
        if (sub.isUsageHelpRequested()) {
            sub.commandSpec().commandLine().usage(console.out());
            return Gate.CLEAN;
        }
        try {
            return switch (sub.commandSpec().name()) {
                case "scan" -> new ScanCommand(console, rules.get()).run(sub.commandSpec(), targets);
                case "rules" -> {
                    console.out().print(RulesCommand.table(rules.get()));
                    yield Gate.CLEAN;
                }
                case "explain" -> explain(sub.commandSpec().positionalParameters().get(0).getValue());
                default -> throw new IllegalStateException("no command " + sub.commandSpec().name());
            };
        } catch (UsageException e) {
            return usageError(e.getMessage(), sub.commandSpec().name());
        } catch (IOException | UncheckedIOException e) {
            console.err().println("preflight: " + e.getMessage());
            return Gate.USAGE_OR_INPUT_ERROR;
        }
    }

    /** A setter's refusal (an unknown format, a stray --output) arrives wrapped twice; show its own words. */
    private static Throwable refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return t;
            }
        }
        return e;
    }

    private int helpOrVersion(CommandLine cl, ParseResult parsed) {
        if (parsed.isVersionHelpRequested()) {
            cl.printVersionHelp(console.out());
        } else {
            cl.usage(console.out());
        }
        return Gate.CLEAN;
    }

    private int explain(String id) throws UsageException {
        Optional<RuleInfo> rule = ExplainCommand.find(rules.get(), id);
        if (rule.isEmpty()) {
            throw new UsageException("unknown rule id '" + id + "' (see 'preflight rules')");
        }
        console.out().print(ExplainCommand.explain(rule.get()));
        return Gate.CLEAN;
    }

    private int usageError(String message, String command) {
        console.err().println("preflight: " + message);
        console.err().println("Try 'preflight " + ("preflight".equals(command) ? "" : command + " ") + "--help'.");
        return Gate.USAGE_OR_INPUT_ERROR;
    }
}
