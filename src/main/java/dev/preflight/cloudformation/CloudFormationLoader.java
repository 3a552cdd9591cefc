package dev.preflight.cloudformation;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.source.Problem;
import dev.preflight.source.Skipped;
import dev.preflight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads CloudFormation templates (YAML or JSON) into graph resources. Stateless: one instance may serve several
 * threads. Never throws: whatever goes wrong is a {@link Problem} of the result, and the rest still loads.
 *
 * <p>A scan loads its templates together ({@link #loadAll}), so that nested stacks are loaded with the values their
 * parents pass and imports read what another template exports; an input that is not a template is skipped.
 */
public final class CloudFormationLoader {

    /**
     * Loads one template as a stack of its own (nested stacks it names stay unknown). A text that is not a template
     * is a problem here, since the caller says it is one; a scan skips such inputs instead ({@link #loadAll}).
     *
     * @param parameters parameter values given by the user; others take their defaults or stay unknown
     */
    public LoadResult load(SourceFile template, Map<String, String> parameters) {
        TemplateInput input = TemplateInput.parse(template);
        if (!input.isTemplate()) {
            return new LoadResult(List.of(), List.of(new Problem(template.span(0, 0), input.notATemplate().get())));
        }
        StackSetLoad loaded = loadAll(List.of(input), parameters, TemplateReader.NONE);
        return new LoadResult(loaded.resources(), loaded.problems());
    }

    /**
     * Loads a scan's parsed inputs together: templates nested by another are loaded below it, and templates
     * named by a nested stack but not among the inputs are read with {@code reader}.
     *
     * @param parameters parameter values given by the user for the stacks deployed on their own
     */
    public StackSetLoad loadAll(List<TemplateInput> inputs, Map<String, String> parameters, TemplateReader reader) {
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        try {
            return new StackSet(given, reader).load(inputs);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must not cost the user the rest of the scan: each template is loaded on its own, and
            // the one that fails is reported
            List<Resource> resources = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            List<SourceFile> files = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            for (TemplateInput input : inputs) {
                try {
                    StackSetLoad one = new StackSet(given, TemplateReader.NONE).load(List.of(input));
                    resources.addAll(one.resources());
                    problems.addAll(one.problems());
                    files.addAll(one.files());
                    skipped.addAll(one.skipped());
                } catch (RuntimeException | StackOverflowError again) {
                    files.add(input.file());
                    problems.add(internalError(input.file(), again));
                }
            }
            return new StackSetLoad(resources, problems, files, skipped);
        }
    }

    static Problem internalError(SourceFile file, Throwable e) {
        return new Problem(file.span(0, 0), "template not loaded: internal error " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
