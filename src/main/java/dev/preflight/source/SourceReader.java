package dev.preflight.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an input file as UTF-8 text, once, and says clearly why when it cannot. */
public final class SourceReader {
    /** What to do about a file that exists but cannot be read as text. */
    public static final String UNREADABLE_HINT = "Make the file readable as UTF-8 text, or leave it out of the scan "
            + "(--exclude GLOB, or exclude: in .preflight.yaml).";

    private SourceReader() {
    }

    /**
     * Text that is not valid UTF-8, with the 1-based line and column of the first bad byte, so that the user can go
     * straight to it (an editor may show the file fine in another encoding).
     */
    public static final class InvalidTextException extends IOException {
        private final int line;
        private final int column;

        InvalidTextException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * What an I/O failure means, in words: Java's messages for the common ones are just the path ("/x/main.tf"),
     * which reads as no reason at all next to that same path.
     */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot read: permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "cannot read: no such file (deleted during the scan, or a broken symbolic link)";
        }
        if (e instanceof java.nio.file.FileSystemLoopException) {
            return "symbolic link loop, not followed";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return "cannot read: " + f.getReason();
        }
        return e.getMessage() == null ? "cannot read: " + e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file's text, or an {@link IOException} whose message names what is wrong (not the file: callers do). */
    public static SourceFile read(Path path, String displayPath) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                throw new IOException("binary file (NUL byte at offset " + i + ")");
            }
        }
        // The JDK's own decoding is the fast path (ASCII text becomes a compact string without a char[] in between);
        // it replaces malformed bytes with U+FFFD, so only text holding one is decoded again, strictly, to find out
        // whether the file has that character or is not UTF-8.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return new SourceFile(path, displayPath, text);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            SourceFile before = new SourceFile(path, displayPath, out.flip().toString());
            int end = before.text().length();
            throw new InvalidTextException(String.format("not valid UTF-8 text: byte 0x%02X at line %d, column %d"
                            + " (offset %d); save the file as UTF-8", bytes[bad] & 0xFF, before.lineOf(end),
                    before.columnOf(end), bad), before.lineOf(end), before.columnOf(end));
        }
        return new SourceFile(path, displayPath, out.flip().toString());
    }
}
