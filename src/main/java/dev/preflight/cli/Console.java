package dev.preflight.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line talks to: its streams, the directory paths are relative to, the environment and whether
 * standard output is a terminal. Tests pass their own, so nothing reads the process's globals but {@link #system}.
 */
public record Console(PrintStream out, PrintStream err, Path workingDir, Map<String, String> env, boolean terminal) {

    /** The process's own console. */
    public static Console system() {
        return new Console(System.out, System.err, Path.of("").toAbsolutePath(), System.getenv(),
                System.console() != null);
    }
}
