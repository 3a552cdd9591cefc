package dev.preflight.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small input trees for tests. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code text} to {@code relative} below {@code dir}, creating the directories on the way. */
    public static void write(Path dir, String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
