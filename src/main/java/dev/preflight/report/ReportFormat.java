package dev.preflight.report;

import dev.preflight.engine.FailOn;
import dev.preflight.engine.Suggestions;
import java.util.List;
import java.util.Locale;

/** The output formats, by the name {@code --format} takes. Reporters are made only for the formats asked for. */
public enum ReportFormat {
    TEXT, JSON, SARIF, JUNIT, GITHUB, MARKDOWN;

    /**
     * A reporter for this format; {@code color} matters only to text. JUnit fails on warnings and errors. Markdown
     * made here has relative links and no pictures; the CLI makes its own with both.
     */
    public Reporter reporter(boolean color) {
        return reporter(color, FailOn.WARNING);
    }

    /**
     * A reporter for this format; {@code color} matters only to text, {@code failOn} (the gate's threshold) only to
     * JUnit, whose failing test cases must be the findings that fail the gate.
     */
    public Reporter reporter(boolean color, FailOn failOn) {
        return switch (this) {
            case TEXT -> new TextReporter(color);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
            case JUNIT -> new JunitReporter(failOn);
            case GITHUB -> new GithubReporter();
            case MARKDOWN -> new MarkdownReporter();
        };
    }

    /** The format a user named; an IllegalArgumentException lists the names there are. */
    public static ReportFormat parse(String name) {
        // a loop, not valueOf, which looks the constants up by reflection on its first call
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        List<String> all = List.of(names().split(", "));
        String suggestion = Suggestions.didYouMean(name.trim(), all);
        throw new IllegalArgumentException("unknown format '" + name + "'"
                + (suggestion.isEmpty() ? " (expected one of: " + names() + ")" : suggestion));
    }

    /** The names, as users write them. */
    public static String names() {
        StringBuilder s = new StringBuilder();
        for (ReportFormat f : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.name().toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
