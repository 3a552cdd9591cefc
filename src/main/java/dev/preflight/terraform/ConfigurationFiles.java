package dev.preflight.terraform;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The files a configuration reads with {@code file()} and {@code templatefile()}, read once each through the same
 * path as the scan's own inputs: UTF-8 only, a bad byte reported with its file and line (Terraform rejects such a
 * file too), templates parsed once with their syntax errors reported where they are. They become inputs of the
 * report, so findings inside them show their lines. Safe to use from several threads.
 */
final class ConfigurationFiles {
    /** Larger files are not read: no template or policy comes near, and a hostile one must not fill the heap. */
    static final long MAX_BYTES = 1_000_000;

    private final Function<Path, String> displayPath;
    private final List<Problem> problems;
    private final Map<Path, Optional<SourceFile>> read = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Expression.Template>> templates = new ConcurrentHashMap<>();

    /** Files shown to users through {@code displayPath}; problems are added to {@code problems}. */
    ConfigurationFiles(Function<Path, String> displayPath, List<Problem> problems) {
        this.displayPath = displayPath;
        this.problems = problems;
    }

    /** Why {@code file} cannot be read, or null when it can: it must exist and be small enough. */
    static String unreadable(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return "does not exist";
            }
            return Files.size(file) > MAX_BYTES ? "is too large to read" : null;
        } catch (IOException e) {
            return "could not be read";
        }
    }

    /** The text of {@code file} (absolute and normalized), or empty when it cannot be read. */
    Optional<SourceFile> read(Path file) {
        return read.computeIfAbsent(file, this::readOnce);
    }

    private Optional<SourceFile> readOnce(Path file) {
        String shown = displayPath.apply(file);
        try {
            return Optional.of(SourceReader.read(file, shown));
        } catch (SourceReader.InvalidTextException e) {
            problems.add(new Problem(new Span(shown, e.line(), e.column(), e.line(), e.column()), e.getMessage()));
        } catch (IOException e) {
            problems.add(new Problem(new Span(shown, 1, 1, 1, 1), SourceReader.describe(e)));
        }
        return Optional.empty();
    }

    /** {@code file} parsed as a template, or empty (with the syntax error reported) when it does not parse. */
    Optional<Expression.Template> template(SourceFile file) {
        return templates.computeIfAbsent(file.path().toAbsolutePath().normalize(), k -> parse(file));
    }

    private Optional<Expression.Template> parse(SourceFile file) {
        try {
            return Optional.of(HclParser.parseTemplate(file));
        } catch (HclSyntaxException e) {
            problems.add(new Problem(e.where(), "template: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new Problem(file.span(0, 0), "template could not be parsed: " + e.getClass().getSimpleName()));
        }
        return Optional.empty();
    }

    /** Every file read so far. */
    List<SourceFile> files() {
        List<SourceFile> out = new ArrayList<>();
        read.values().forEach(f -> f.ifPresent(out::add));
        out.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        return out;
    }
}
