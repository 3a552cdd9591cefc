package dev.preflight.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One command line as read: the command, each option occurrence in the order given, and the positional arguments.
 * Options are named by their long name without dashes ({@code "fail-on"}), as {@link CommandGrammar} declares
 * them. Kept apart from the parser's own types so that commands never see the parsing library.
 */
final class ParsedArgs {
    private final String command;
    /** Option occurrences in order: {@code names.get(i)} was given with {@code values.get(i)} (null for a flag). */
    private final List<String> names;
    private final List<String> values;
    private final List<String> positionals;

    ParsedArgs(String command, List<String> names, List<String> values, List<String> positionals) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("an option occurrence without its value");
        }
        this.command = command;
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.positionals = Collections.unmodifiableList(new ArrayList<>(positionals));
    }

    /** {@code scan}, {@code rules}, {@code explain}, or {@link CommandGrammar#TOP} for help or version alone. */
    String command() {
        return command;
    }

    /** The values a repeatable option collected, in order; empty when it was not given. */
    List<String> values(String name) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                found.add(values.get(i));
            }
        }
        return found;
    }

    /** A single-valued option's value, the last one when it was repeated; null when it was not given. */
    String value(String name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equals(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Whether the option was given. */
    boolean flag(String name) {
        return names.contains(name);
    }

    /** The arguments that are not options, in order. */
    List<String> positionals() {
        return positionals;
    }

    /**
     * How many option occurrences there were; with {@link #optionAt} and {@link #valueAt}, for options whose order
     * matters ({@code --format} and {@code --output}).
     */
    int optionCount() {
        return names.size();
    }

    String optionAt(int i) {
        return names.get(i);
    }

    String valueAt(int i) {
        return values.get(i);
    }
}
