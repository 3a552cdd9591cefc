package dev.preflight.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an input file as UTF-8 text, once, and says clearly why when it cannot. */
public final class SourceReader {
    private SourceReader() {
    }

    /** The file's text, or an {@link IOException} whose message names what is wrong (not the file: callers do). */
    public static SourceFile read(Path path, String displayPath) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                throw new IOException("binary file (NUL byte at offset " + i + ")");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(path, displayPath, text);
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8 text");
        }
    }
}
