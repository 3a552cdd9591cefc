package dev.preflight.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository root is relative to the working directory. SARIF and GitHub annotations locate files from
 * the repository root, while preflight shows paths relative to where it runs; the two differ when it runs in a
 * subdirectory.
 */
final class SourceRoot {
    private SourceRoot() {
    }

    /** The path from the repository root to {@code cwd}, ending in a slash; empty at the root or outside git. */
    static String prefix(Path cwd) {
        Path dir = cwd.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                String rel = d.relativize(dir).toString().replace('\\', '/');
                return rel.isEmpty() ? "" : rel + "/";
            }
        }
        return "";
    }
}
