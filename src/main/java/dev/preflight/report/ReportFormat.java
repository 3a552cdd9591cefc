package dev.preflight.report;

import java.util.Locale;

/** The output formats, by the name {@code --format} takes. Reporters are made only for the formats asked for. */
public enum ReportFormat {
    TEXT, JSON, SARIF, JUNIT, GITHUB, MARKDOWN;

    /**
     * A reporter for this format; {@code color} matters only to text. Markdown made here has relative links and no
     * pictures; the CLI makes its own with both.
     */
    public Reporter reporter(boolean color) {
        return switch (this) {
            case TEXT -> new TextReporter(color);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
            case JUNIT -> new JunitReporter();
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
        throw new IllegalArgumentException("unknown format '" + name + "' (expected one of: " + names() + ")");
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
