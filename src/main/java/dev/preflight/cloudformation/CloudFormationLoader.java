package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ParsedTemplate;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.cloudformation.syntax.TemplateParser;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads one CloudFormation template (YAML or JSON) into graph resources. Stateless: one instance may serve several
 * threads. Never throws: whatever goes wrong is a {@link Problem} of the result, and the rest still loads.
 */
public final class CloudFormationLoader {

    /** @param parameters parameter values given by the user; others take their defaults or stay unknown */
    public LoadResult load(SourceFile template, Map<String, String> parameters) {
        List<Problem> problems = new ArrayList<>();
        try {
            ParsedTemplate parsed = TemplateParser.parse(template);
            problems.addAll(parsed.problems());
            if (parsed.root() == null) {
                return new LoadResult(List.of(), problems);
            }
            return load(template, parsed.root(), parameters == null ? Map.of() : parameters, problems);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must not cost the user the rest of the scan; it is reported against the file
            problems.add(new Problem(template.span(0, 0), "template not loaded: internal error "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            return new LoadResult(List.of(), problems);
        }
    }

    private static LoadResult load(SourceFile file, TemplateNode root, Map<String, String> parameters,
                                   List<Problem> problems) {
        if (!(root instanceof MappingNode template)) {
            String found = root instanceof SequenceNode ? "a list" : "a single value";
            problems.add(new Problem(root.span(), "not a CloudFormation template: the document is " + found
                    + ", not a mapping with a Resources section"));
            return new LoadResult(List.of(), problems);
        }
        TemplateContext context = new TemplateContext(file, template, parameters);
        Optional<MappingNode.Entry> resources = template.entry("Resources");
        List<Resource> loaded = List.of();
        if (resources.isEmpty()) {
            context.problem(template.span().start(), "the template has no Resources section");
        } else if (!(resources.get().value() instanceof MappingNode section) || section.entries().isEmpty()) {
            // a macro may take another shape as input (the ShortHand example lists resources)
            if (!context.isTransformed()) {
                context.problem(resources.get().keySpan(), "Resources must be a mapping with at least one resource");
            }
        } else {
            loaded = new ResourceReader(context).read(section);
        }
        problems.addAll(context.problems());
        return new LoadResult(loaded, problems);
    }
}
