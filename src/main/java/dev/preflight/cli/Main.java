package dev.preflight.cli;

import dev.preflight.engine.Gate;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.Suggestions;
import dev.preflight.engine.Timings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The command line: {@code scan}, {@code graph}, {@code rules}, {@code explain}. {@link #run} returns the exit code and only
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
        Timings.mark("start the JVM");
        int exitCode = run(args);
        if (Timings.requested()) {
            Timings.print(System.err);
        }
        System.exit(exitCode);
    }

    /**
     * Runs the command line on the process's console with the rules on the class path. The supplier is a class,
     * not {@code RuleRegistry::discover}: the first lambda of a run starts the JVM's lambda machinery (~10 ms cold),
     * which {@code --version} need not pay.
     */
    public static int run(String... args) {
        return new Main(Console.system(), new Supplier<RuleRegistry>() {
            @Override
            public RuleRegistry get() {
                return RuleRegistry.discover();
            }
        }).execute(args);
    }

    /** Runs one command and returns its exit code. */
    public int execute(String... args) {
        ParsedArgs parsed;
        try {
            parsed = ArgsParser.parse(args);
        } catch (UsageException e) {
            return usageError(e.getMessage(), e.command());
        }
        Timings.mark("parse the command line");
        String command = parsed.command();
        if (parsed.flag("version")) {
            console.out().println("preflight " + Version.current());
            return Gate.CLEAN;
        }
        if (parsed.flag("help")) {
            console.out().print(HelpText.of(CommandGrammar.TOP.equals(command) ? CommandGrammar.top()
                    : CommandGrammar.command(command)));
            return Gate.CLEAN;
        }
        try {
            switch (command) {
                case "scan":
                    return new ScanCommand(console, InBackground.start(rules, "preflight-rules")).run(parsed);
                case "graph":
                    return new GraphCommand(console, rules).run(parsed);
                case "rules":
                    console.out().print(RulesCommand.table(rulesOf(parsed).registry()));
                    return Gate.CLEAN;
                case "explain":
                    return explain(rulesOf(parsed), parsed.positionals().get(0));
                default:
                    throw new IllegalStateException("no command " + command);
            }
        } catch (UsageException e) {
            return usageError(e.getMessage(), e.command() == null ? command : e.command());
        } catch (IOException | UncheckedIOException e) {
            console.err().println("preflight: " + e.getMessage());
            return Gate.USAGE_OR_INPUT_ERROR;
        }
    }

    /** The rules {@code rules} and {@code explain} show: the built-in pack and the users' their options name. */
    private CommandRules rulesOf(ParsedArgs parsed) throws UsageException {
        CommandRules all = new CommandRules(rules, console.workingDir(), parsed);
        all.readConfig(ConfigChoice.of(parsed, console.workingDir(), java.util.List.of()));
        return all;
    }

    private int explain(CommandRules all, String id) throws UsageException {
        Optional<String> text = ExplainCommand.explain(all.registry(), id);
        if (text.isEmpty()) {
            String suggestion = Suggestions.didYouMean(id, all.knownIds());
            throw new UsageException("unknown rule id '" + id + "'"
                    + (suggestion.isEmpty() ? " (see 'preflight rules')" : suggestion));
        }
        console.out().print(text.get());
        return Gate.CLEAN;
    }

    private int usageError(String message, String command) {
        console.err().println("preflight: " + message);
        if (!UsageException.NO_HELP.equals(command)) {
            console.err().println("Try 'preflight " + (CommandGrammar.TOP.equals(command) ? "" : command + " ")
                    + "--help'.");
        }
        return Gate.USAGE_OR_INPUT_ERROR;
    }
}
