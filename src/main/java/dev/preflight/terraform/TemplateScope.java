package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.nio.file.Path;

/**
 * The names a template file rendered by {@code templatefile()} sees: only the variables it was given (bound as
 * {@link Bindings}) and functions. Terraform rejects any other reference, so it is an error here too, which makes
 * the whole call unknown.
 */
final class TemplateScope implements Scope {
    private final ModuleFiles files;

    TemplateScope(ModuleFiles files) {
        this.files = files;
    }

    private static Value rejected(String what, Span use) {
        throw new EvalException(use, "a template can refer only to the variables templatefile() gives it, not to "
                + what);
    }

    @Override
    public Value variable(String name, Span use) {
        return rejected("var." + name, use);
    }

    @Override
    public Value local(String name, Span use) {
        return rejected("local." + name, use);
    }

    @Override
    public Value resource(String type, String name, Span use) {
        return rejected(type + "." + name, use);
    }

    @Override
    public Value data(String type, String name, Span use) {
        return rejected("data." + type + "." + name, use);
    }

    @Override
    public Value moduleCall(String call, Span use) {
        return rejected("module." + call, use);
    }

    @Override
    public Value moduleOutput(String call, Value instanceKey, String output, Span use) {
        return rejected("module." + call, use);
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
