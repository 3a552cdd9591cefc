package dev.preflight.cli;

import dev.preflight.engine.Suggestions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Reads the arguments in two steps: the top level's flags up to the first other word, which names the command,
 * then the rest against that command's grammar alone. Refusals come back as {@link UsageException}s that name the
 * command whose help to read.
 */
final class ArgsParser {
    private ArgsParser() {
    }

    static ParsedArgs parse(String... args) throws UsageException {
        CommandGrammar top = CommandGrammar.top();
        List<String> flags = new ArrayList<>();
        int word = readTopLevel(top, args, flags);
        if (!flags.isEmpty()) {
            return new ParsedArgs(top.name, flags, nulls(flags.size()), List.of());
        }
        if (word == args.length) {
            throw new UsageException("no command given: " + CommandGrammar.commandList(), top.name);
        }
        CommandGrammar grammar = CommandGrammar.command(args[word]);
        if (grammar == null) {
            String suggestion = Suggestions.didYouMean(args[word], List.of(CommandGrammar.COMMANDS));
            throw new UsageException("unknown command '" + args[word] + "'" + (suggestion.isEmpty()
                    ? " (expected " + CommandGrammar.commandList() + ")" : suggestion), top.name);
        }
        String[] commandArgs = new String[args.length - word - 1];
        System.arraycopy(args, word + 1, commandArgs, 0, commandArgs.length);
        ParsedArgs parsed = read(grammar, commandArgs);
        if (!parsed.flag("help")) {
            checkPositionals(grammar, parsed.positionals());
        }
        return parsed;
    }

    /**
     * Collects the top level's flags into {@code names} and returns the index of the command word. Read by hand
     * against the grammar's table rather than with commons-cli's parser: the top level has only flags, and the
     * parser's first use starts the JVM's lambda machinery (~10 ms cold), which {@code --version} need not pay.
     */
    private static int readTopLevel(CommandGrammar top, String[] args, List<String> names) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--".equals(arg)) {
                return i + 1;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                return i;
            }
            if (arg.charAt(1) == '-') {
                names.add(topOption(top, arg, arg.substring(2), false));
            } else {
                for (int c = 1; c < arg.length(); c++) { // -hV: short flags may be grouped
                    names.add(topOption(top, arg, arg.substring(c, c + 1), true));
                }
            }
        }
        return args.length;
    }

    /** The long name of the top-level option {@code name}, as written in {@code arg}. */
    private static String topOption(CommandGrammar top, String arg, String name, boolean isShort)
            throws UsageException {
        for (Option o : top.options.getOptions()) {
            if (name.equals(isShort ? o.getOpt() : o.getLongOpt())) {
                return o.getLongOpt();
            }
        }
        throw new UsageException("unknown option '" + arg + "'" + suggestOption(top, arg), top.name);
    }

    /**
     * One command's options and positionals. Partial matching is off (an abbreviation would silently change
     * meaning when an option is added) and quotes are kept (a {@code --var} value may be a quoted string).
     */
    private static ParsedArgs read(CommandGrammar grammar, String[] args) throws UsageException {
        DefaultParser parser = DefaultParser.builder().setAllowPartialMatching(false)
                .setStripLeadingAndTrailingQuotes(false).get();
        CommandLine line;
        try {
            line = parser.parse(grammar.options, args);
        } catch (ParseException e) {
            throw new UsageException(message(grammar, e), grammar.name);
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Option o : line.getOptions()) { // each occurrence, in the order given
            names.add(o.getLongOpt());
            values.add(o.getValue());
        }
        return new ParsedArgs(grammar.name, names, values, line.getArgList());
    }

    private static String message(CommandGrammar grammar, ParseException e) {
        if (e instanceof UnrecognizedOptionException u) {
            return "unknown option '" + u.getOption() + "'" + suggestOption(grammar, u.getOption());
        }
        if (e instanceof MissingArgumentException m) {
            Option o = m.getOption();
            return "option '--" + o.getLongOpt() + "' needs a value (" + o.getArgName() + ")";
        }
        return e.getMessage();
    }

    /** " (did you mean '--fail-on'?)" for a mistyped long option, else empty text. */
    private static String suggestOption(CommandGrammar grammar, String arg) {
        if (!arg.startsWith("--")) {
            return "";
        }
        String typed = arg.substring(2);
        int eq = typed.indexOf('=');
        List<String> names = new ArrayList<>();
        for (Option o : grammar.options.getOptions()) {
            names.add(o.getLongOpt());
        }
        return Suggestions.closest(eq < 0 ? typed : typed.substring(0, eq), names)
                .map(n -> " (did you mean '--" + n + "'?)").orElse("");
    }

    private static void checkPositionals(CommandGrammar grammar, List<String> positionals) throws UsageException {
        if (positionals.size() < grammar.minPositionals) {
            throw new UsageException(grammar.name + " needs a " + grammar.positional, grammar.name);
        }
        if (positionals.size() > grammar.maxPositionals) {
            throw new UsageException("unexpected argument '" + positionals.get(grammar.maxPositionals) + "'",
                    grammar.name);
        }
    }

    private static List<String> nulls(int n) {
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(null);
        }
        return values;
    }
}
