package dev.preflight.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one input file, read once, with a line index so that offsets turn into {@link Span}s cheaply.
 * The text never contains a byte-order mark: readers strip it, so column 1 is the first visible character.
 */
public final class SourceFile {
    private final Path path;
    private final String displayPath;
    private final String text;
    private final int[] lineStarts;
    /**
     * The 0-based line of the last offset looked up. Parsers ask for the spans of their tokens in order, so the next
     * offset is nearly always on the same line: checked first, it saves two binary searches per token. Written
     * without synchronisation: every value any thread may see is a valid line index, so a stale one only costs the
     * binary search.
     */
    private int lastLine;

    public SourceFile(Path path, String displayPath, String text) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lineStarts = indexLines(this.text);
    }

    /**
     * How users see {@code file}: relative to {@code base} (above it too, {@code ../x}), with forward slashes;
     * absolute only where no relative path exists (another drive).
     */
    public static String relativePath(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path from = base.toAbsolutePath().normalize();
        String shown;
        try {
            shown = from.relativize(abs).toString();
        } catch (IllegalArgumentException e) {
            shown = abs.toString();
        }
        shown = shown.replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
    }

    /** For tests and in-memory inputs. */
    public static SourceFile of(String displayPath, String text) {
        return new SourceFile(Path.of(displayPath), displayPath, text);
    }

    /**
     * Where each line starts. \r\n, \n and a lone \r all end a line, as in HCL and YAML. The breaks are found with
     * {@code String.indexOf} rather than a loop over every character: this runs on each file before anything is
     * compiled, and indexOf is JDK code that a cold JVM has already compiled, where a loop of ours is interpreted.
     */
    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 1;
        int nextLf = text.indexOf('\n');
        int nextCr = text.indexOf('\r');
        while (nextLf >= 0 || nextCr >= 0) {
            int next; // where the line after this break starts
            if (nextCr >= 0 && (nextLf < 0 || nextCr < nextLf)) {
                next = nextLf == nextCr + 1 ? nextLf + 1 : nextCr + 1;
            } else {
                next = nextLf + 1;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = next;
            if (nextLf >= 0 && nextLf < next) {
                nextLf = text.indexOf('\n', next);
            }
            if (nextCr >= 0 && nextCr < next) {
                nextCr = text.indexOf('\r', next);
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of a 0-based offset. */
    public int lineOf(int offset) {
        return lineIndex(offset) + 1;
    }

    /** 0-based line of a 0-based offset; -1 before the text. */
    private int lineIndex(int offset) {
        int hint = lastLine;
        if (lineStarts[hint] <= offset && (hint + 1 == lineStarts.length || offset < lineStarts[hint + 1])) {
            return hint;
        }
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        if (line >= 0) {
            lastLine = line;
        }
        return line;
    }

    /** 1-based column of a 0-based offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineIndex(offset)] + 1;
    }

    /** 0-based offset of a 1-based line and column. */
    public int offsetOf(int line, int column) {
        return lineStarts[line - 1] + column - 1;
    }

    /** The span from offset {@code start} (inclusive) to {@code end} (exclusive). */
    public Span span(int start, int end) {
        int startLine = lineIndex(start);
        int endLine = lineIndex(end);
        return new Span(displayPath, startLine + 1, start - lineStarts[startLine] + 1, endLine + 1,
                end - lineStarts[endLine] + 1);
    }

    /** The text of a 1-based line without its line ending, for reporters that show the offending line. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
