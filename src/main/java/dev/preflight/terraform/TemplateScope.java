package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.nio.file.Path;

/**
 * The names a template file rendered by {@code templatefile()} sees: only the variables it was given (bound as
 * {@link Bindings}) and functions. Terraform rejects any other reference, so it is an error here too, which makes
 * the whole call unknown.
 */
final class TemplateScope extends ClosedScope {
    private final ModuleFiles files;

    TemplateScope(ModuleFiles files) {
        this.files = files;
    }

    @Override
    Value refused(String what, Span use) {
        throw new EvalException(use, "a template can refer only to the variables templatefile() gives it, not to "
                + what);
    }

    @Override
    public Path directory() {
        return files.moduleDirectory();
    }

    @Override
    public Path rootDirectory() {
        return files.rootDirectory();
    }

    @Override
    public ModuleFiles files() {
        return files;
    }
}
