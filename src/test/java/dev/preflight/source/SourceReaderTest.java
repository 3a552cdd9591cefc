package dev.preflight.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast decoding path must not change what is valid: U+FFFD in the text is fine, a bad byte is not. */
class SourceReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsValidTextThatHoldsAReplacementCharacter() throws IOException {
        Path f = write("a.tf", "name = \"\uFFFD caf\u00e9\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("name = \"\uFFFD caf\u00e9\"\n", SourceReader.read(f, "a.tf").text());
    }

    @Test
    void refusesAMalformedByteAfterAReplacementCharacter() throws IOException {
        byte[] good = "x = \"\uFFFD\"\ny = \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9; // Latin-1 é
        bytes[good.length + 1] = '"';
        Path f = write("b.tf", bytes);
        SourceReader.InvalidTextException e = assertThrows(SourceReader.InvalidTextException.class,
                () -> SourceReader.read(f, "b.tf"));
        assertEquals(2, e.line());
        assertEquals(6, e.column());
        assertTrue(e.getMessage().contains("byte 0xE9"), e.getMessage());
    }

    @Test
    void readsAsciiAndMultiByteText() throws IOException {
        String text = "plain ascii\n\u00fcml\u00e4ute \u4e2d\u6587 \ud83d\ude80\n";
        assertEquals(text, SourceReader.read(write("c.yaml", text.getBytes(StandardCharsets.UTF_8)), "c.yaml")
                .text());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }
}
