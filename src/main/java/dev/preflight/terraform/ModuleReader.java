package dev.preflight.terraform;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.ConfigFile;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parses module directories once each. Directories of the scan come with their files already read; a local module
 * outside the scanned paths (e.g. {@code source = "../modules/x"}) is read from disk here. Parse errors are recorded
 * once per file, and the module loads with the files that did parse.
 */
final class ModuleReader {
    private final Map<Path, List<SourceFile>> scanned;
    private final Function<Path, String> displayPath;
    private final Map<Path, ModuleDefinition> definitions = new HashMap<>();
    private final Map<SourceFile, Optional<ConfigFile>> parsed = new ConcurrentHashMap<>();
    private final Map<String, SourceFile> byDisplayPath = new ConcurrentHashMap<>();
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final TreeCache reuse;
    /** The files that file() and templatefile() read. */
    final ConfigurationFiles files;

    /** A reader of the {@code scanned} directories that takes trees from {@code reuse} (may be null) before parsing. */
    ModuleReader(Map<Path, List<SourceFile>> scanned, Function<Path, String> displayPath, TreeCache reuse) {
        this.scanned = scanned;
        this.displayPath = displayPath;
        this.reuse = reuse;
        this.files = new ConfigurationFiles(displayPath, problems);
    }

    /** The trees this reader parsed, by file (files that did not parse are not in it). */
    Map<SourceFile, ConfigFile> trees() {
        Map<SourceFile, ConfigFile> out = new HashMap<>();
        for (Map.Entry<SourceFile, Optional<ConfigFile>> e : parsed.entrySet()) {
            e.getValue().ifPresent(tree -> out.put(e.getKey(), tree));
        }
        return out;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The module in {@code dir}, or null when the directory has no {@code .tf} file. */
    synchronized ModuleDefinition module(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (definitions.containsKey(key)) {
            return definitions.get(key);
        }
        List<SourceFile> files = scanned.get(key);
        if (files == null) {
            files = readFromDisk(key);
        }
        List<ConfigFile> configs = new ArrayList<>();
        for (SourceFile f : files) {
            if (isConfiguration(f.path())) {
                ConfigFile c = parse(f);
                if (c != null) {
                    configs.add(c);
                }
            }
        }
        ModuleDefinition def = files.isEmpty() ? null : new ModuleDefinition(key, configs);
        definitions.put(key, def);
        return def;
    }

    /** The parsed file, or null (with a problem recorded) when it does not parse. Safe from several threads. */
    ConfigFile parse(SourceFile file) {
        return parsed.computeIfAbsent(file, this::parseOnce).orElse(null);
    }

    private Optional<ConfigFile> parseOnce(SourceFile file) {
        ConfigFile result = reuse == null ? null : reuse.take(file);
        byDisplayPath.put(file.displayPath(), file);
        if (result != null) {
            return Optional.of(result);
        }
        try {
            result = file.path().getFileName().toString().endsWith(".json")
                    ? TerraformJsonReader.read(file) : HclParser.parse(file);
        } catch (HclSyntaxException e) {
            problems.add(new Problem(e.where(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new Problem(new Span(file.displayPath(), 1, 1, 1, 1),
                    "could not parse: " + e.getClass().getSimpleName()));
        }
        return Optional.ofNullable(result);
    }

    /** {@code .tf} and {@code .tf.json} files are a module's configuration; tfvars are not. */
    static boolean isConfiguration(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tf") || name.endsWith(".tf.json");
    }

    /** A file this reader has parsed, by the path shown to users. */
    SourceFile source(String displayPath) {
        return byDisplayPath.get(displayPath);
    }

    private List<SourceFile> readFromDisk(Path dir) {
        List<SourceFile> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.{tf,tf.json}")) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(null);
            for (Path p : sorted) {
                if (Files.isRegularFile(p)) {
                    try {
                        files.add(SourceReader.read(p, displayPath.apply(p)));
                    } catch (SourceReader.InvalidTextException e) {
                        problems.add(new Problem(new Span(displayPath.apply(p), e.line(), e.column(), e.line(),
                                e.column()), e.getMessage()));
                    } catch (IOException e) {
                        problems.add(new Problem(new Span(displayPath.apply(p), 1, 1, 1, 1),
                                SourceReader.describe(e)));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(new Span(displayPath.apply(dir), 1, 1, 1, 1), SourceReader.describe(e)));
        }
        return files;
    }
}
