package dev.preflight.cli;

import dev.preflight.engine.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which config file a command reads, and whether it may load code. A rule jar is code, and scanning a folder must
 * never run code the folder supplies unless the user chose it, so only a config the user chose may name jars: one
 * named with {@code --config}, or the {@code .preflight.yaml} of the directory preflight runs in (a repository's
 * own, at its root). A {@code .preflight.yaml} found in a scanned folder that is not the current directory is
 * input: its settings apply, its rule files (data) load, its rule jars are refused.
 *
 * @param file    the config file, or null for none
 * @param trusted whether it may name rule jars
 */
record ConfigChoice(Path file, boolean trusted) {
    static final ConfigChoice NONE = new ConfigChoice(null, false);

    /**
     * The config of a command run in {@code cwd}: {@code --config}, else {@code .preflight.yaml} in the first
     * scanned directory ({@code scanned} may be empty: the current directory), else in the current directory.
     */
    static ConfigChoice of(ParsedArgs args, Path cwd, List<Path> scanned) throws UsageException {
        if (args.flag("no-config")) {
            return NONE;
        }
        String named = args.value("config");
        if (named != null) {
            Path file = cwd.resolve(named);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("config file " + named + " does not exist");
            }
            return new ConfigChoice(file, true);
        }
        // the scanned directory's own config, else the one where preflight runs (the repository root, when a user
        // scans infra/ from there)
        if (!scanned.isEmpty() && Files.isDirectory(scanned.get(0))) {
            Path own = scanned.get(0).resolve(ConfigLoader.FILE_NAME);
            if (Files.isRegularFile(own)) {
                return new ConfigChoice(own, sameDirectory(scanned.get(0), cwd));
            }
        }
        Path file = cwd.resolve(ConfigLoader.FILE_NAME);
        return Files.isRegularFile(file) ? new ConfigChoice(file, true) : NONE;
    }

    private static boolean sameDirectory(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
