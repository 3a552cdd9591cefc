package dev.preflight.source;

/**
 * A range of source text: 1-based lines and 1-based columns counted in UTF-16 code units (what SARIF calls
 * {@code utf16CodeUnits}, and what editors show). {@code endColumn} is exclusive: it names the column just after
 * the last character, as SARIF's region does. {@code file} is the path as the user should see it.
 *
 * <pre>{@code
 * Span at = finding.span();
 * String link = at.file() + ":" + at.line() + ":" + at.column();
 * }</pre>
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {

    public Span {
        if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException("bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    /** A span covering both this one and {@code other}, which must be in the same file. */
    public Span to(Span other) {
        boolean startsFirst = line < other.line || (line == other.line && column <= other.column);
        boolean endsLast = endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
        return new Span(file,
                startsFirst ? line : other.line, startsFirst ? column : other.column,
                endsLast ? endLine : other.endLine, endsLast ? endColumn : other.endColumn);
    }

    /** Orders spans by where they start: file, then line, then column. */
    public static int compareStarts(Span a, Span b) {
        int byFile = a.file.compareTo(b.file);
        if (byFile != 0) {
            return byFile;
        }
        return a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column);
    }

    /** The zero-width position where this span starts. */
    public Span start() {
        return new Span(file, line, column, line, column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + "-" + endLine + ":" + endColumn;
    }
}
