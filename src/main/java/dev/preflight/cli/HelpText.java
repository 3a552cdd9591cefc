package dev.preflight.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.commons.cli.HelpFormatter;

/**
 * A command's {@code --help}: usage line, description, arguments, the options table (commons-cli's formatter, in
 * the order the grammar declares them) and, where it applies, the command list and the exit codes. Only loaded when
 * help is asked for.
 */
final class HelpText {
    private static final int WIDTH = 80;

    private HelpText() {
    }

    static String of(CommandGrammar grammar) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        String name = CommandGrammar.TOP.equals(grammar.name) ? grammar.name : CommandGrammar.TOP + " " + grammar.name;
        out.println("Usage: " + name + " [OPTION]..." + (grammar.operands.isEmpty() ? "" : " " + grammar.operands));
        HelpFormatter formatter = new HelpFormatter();
        formatter.setOptionComparator(null); // the grammar's order, which groups related options
        for (String line : grammar.description.split("\n")) {
            formatter.printWrapped(out, WIDTH, line);
        }
        if (grammar.positionalDescription != null) {
            out.println();
            out.println("Arguments:");
            out.println("  " + grammar.positional + "  " + grammar.positionalDescription);
        }
        out.println();
        out.println("Options:");
        formatter.printOptions(out, WIDTH, grammar.options, 2, 3);
        if (CommandGrammar.TOP.equals(grammar.name)) {
            out.println();
            out.println("Commands:");
            for (String command : CommandGrammar.COMMANDS) {
                String description = CommandGrammar.command(command).description;
                int end = description.indexOf('\n');
                out.println("  " + pad(command, 9) + (end < 0 ? description : description.substring(0, end)));
            }
            out.println();
            out.println("Run 'preflight COMMAND --help' for a command's options.");
        }
        if (grammar.exitCodes) {
            out.println();
            out.print(CommandGrammar.EXIT_CODES);
        }
        out.flush();
        return text.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
