package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ParsedTemplate;
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
        List<PreparedTemplate> prepared = new ArrayList<>();
        inputs.forEach(i -> prepared.add(PreparedTemplate.linked(i)));
        return loadPrepared(prepared, parameters, reader);
    }

    /**
     * Parses {@code file} and, when it is a template linked to no other (it names no local nested template,
     * exports nothing and imports nothing), loads it on its own at once, so that a scan's many independent
     * templates load side by side and their syntax trees are not kept; the others wait for {@link #loadPrepared}.
     */
    public PreparedTemplate prepare(SourceFile file, Map<String, String> parameters) {
        TemplateInput input = TemplateInput.parse(file);
        if (!input.isTemplate()) {
            // the tree of a file that is not a template is never needed again
            return PreparedTemplate.linked(new TemplateInput(file, new ParsedTemplate(null, List.of()),
                    input.notATemplate()));
        }
        if (input.parsed().root() instanceof MappingNode root && TemplateLinks.any(root, file.path())) {
            return PreparedTemplate.linked(input);
        }
        return new PreparedTemplate(file, null, loadPrepared(List.of(PreparedTemplate.linked(input)), parameters,
                TemplateReader.NONE));
    }

    /** Loads a scan's prepared inputs together, as {@link #loadAll} does. */
    public StackSetLoad loadPrepared(List<PreparedTemplate> inputs, Map<String, String> parameters,
                                     TemplateReader reader) {
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
            for (PreparedTemplate input : inputs) {
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
