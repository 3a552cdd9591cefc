package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Expression;
import dev.preflight.terraform.syntax.TemplatePart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code file()} and {@code templatefile()} as one module instance calls them. Terraform resolves a relative path
 * from the directory it runs in, the root module's (hence {@code "${path.module}/task.json.tftpl"}). preflight reads
 * a file only inside the root module's directory or the calling module's own: a pull request must not make the
 * linter read files elsewhere on the machine.
 */
final class ModuleFiles {
    /** Where no file may be read (variable defaults, tfvars: Terraform allows no function calls there). */
    static final ModuleFiles NONE = new ModuleFiles(null, null, null, null, false);

    private final ConfigurationFiles files;
    private final TextOrigins origins;
    private final Path moduleDirectory;
    private final Path rootDirectory;
    private final boolean inTemplate;

    ModuleFiles(ConfigurationFiles files, TextOrigins origins, Path moduleDirectory, Path rootDirectory,
                boolean inTemplate) {
        this.files = files;
        this.origins = origins;
        this.moduleDirectory = moduleDirectory;
        this.rootDirectory = rootDirectory;
        this.inTemplate = inTemplate;
    }

    Path moduleDirectory() {
        return moduleDirectory;
    }

    Path rootDirectory() {
        return rootDirectory;
    }

    /** {@code file(path)}: the file's text. */
    Value file(List<Value> args, Span span) {
        if (args.size() != 1) {
            throw new EvalException(span, "file() takes one argument");
        }
        Opened opened = open("file", args.get(0), span);
        if (opened.file() == null) {
            return opened.notRead();
        }
        SourceFile f = opened.file();
        origins.record(f.text(), new TextOrigins.Origin(f, null, null));
        return new Value.Str(f.text(), span);
    }

    /**
     * {@code templatefile(path, vars)}: the file rendered as a template with {@code vars} as its only names. What
     * is not known stays unknown; the rest is text whose every character points back into the file.
     */
    Value templatefile(List<Value> args, Span span) {
        if (inTemplate) {
            throw new EvalException(span, "templatefile() cannot be called from a template");
        }
        if (args.size() != 2) {
            throw new EvalException(span, "templatefile() takes a path and an object of variables");
        }
        Opened opened = open("templatefile", args.get(0), span);
        if (opened.file() == null) {
            return opened.notRead();
        }
        SourceFile file = opened.file();
        Value vars = args.get(1);
        if (!(vars instanceof Value.MapValue map)) {
            if (vars.isKnown()) {
                throw new EvalException(span, "templatefile() vars must be an object");
            }
            return new Value.Unknown("the variables of templatefile(\"" + file.displayPath() + "\") are not known: "
                    + Evaluator.reason(vars), span);
        }
        Optional<Expression.Template> template = files.template(file);
        if (template.isEmpty()) {
            return new Value.Unknown("template " + file.displayPath() + " does not parse", span);
        }
        Bindings bindings = Bindings.EMPTY;
        for (Map.Entry<String, Value> e : map.entries().entrySet()) {
            bindings = bindings.bind(e.getKey(), e.getValue());
        }
        ModuleFiles inside = new ModuleFiles(files, origins, moduleDirectory, rootDirectory, true);
        TemplateRenderer renderer = new TemplateRenderer(new Evaluator(new TemplateScope(inside)));
        List<TemplatePart> parts = template.get().parts();
        if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation) {
            // a template that is one interpolation gives that value as it is, as in Terraform
            return renderer.value(parts, span, bindings);
        }
        TemplateFileOutput out = new TemplateFileOutput(file);
        renderer.render(parts, bindings, out);
        return out.value(span, origins);
    }

    /** A file opened for reading, or (file null) the unknown value that says why it is not read. */
    private record Opened(SourceFile file, Value.Unknown notRead) {
        static Opened not(String why, Span span) {
            return new Opened(null, new Value.Unknown(why, span));
        }
    }

    private Opened open(String function, Value pathArgument, Span span) {
        if (files == null) {
            return Opened.not(function + "() cannot be used here", span);
        }
        Optional<String> path = Values.text(pathArgument);
        if (path.isEmpty()) {
            return Opened.not(function + "() of a path that is not known: " + Evaluator.reason(pathArgument), span);
        }
        String call = function + "(\"" + path.get() + "\")";
        Path target = rootDirectory.resolve(path.get()).toAbsolutePath().normalize();
        if (!target.startsWith(rootDirectory.toAbsolutePath().normalize())
                && !target.startsWith(moduleDirectory.toAbsolutePath().normalize())) {
            return Opened.not(call + " is outside the module's directory and the root module's; preflight does "
                    + "not read it", span);
        }
        String unreadable = ConfigurationFiles.unreadable(target);
        if (unreadable != null) {
            return Opened.not(call + ": the file " + unreadable, span);
        }
        return files.read(target).map(f -> new Opened(f, null))
                .orElseGet(() -> Opened.not(call + " could not be read", span));
    }
}
