package dev.preflight.cloudformation;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a template that a nested stack names and that is not among the scan's inputs (the user named only the
 * parent, or the child's name was not recognised). The engine supplies it, so paths are shown as in the rest of the
 * report; the loader itself never opens files.
 */
@FunctionalInterface
public interface TemplateReader {
    /** Reads nothing: nested templates outside the inputs stay unknown. */
    TemplateReader NONE = (path, problems) -> Optional.empty();

    /**
     * The file at {@code path}; empty when there is no such file, or when it cannot be read, in which case why is
     * given to {@code problems}.
     */
    Optional<SourceFile> read(Path path, Consumer<Problem> problems);
}
