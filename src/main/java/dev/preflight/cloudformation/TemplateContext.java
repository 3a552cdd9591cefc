package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.FunctionNode;
import dev.preflight.cloudformation.syntax.InvalidNode;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.ResourceId;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one load knows about its template: sections, parameter values, resource names, and the problems found.
 * One per load, never shared, so loads on several threads do not meet.
 */
final class TemplateContext {
    private final SourceFile file;
    private final MappingNode root;
    private final ParameterTable parameters;
    private final PseudoParameters pseudo;
    private final Set<String> resourceNames = new LinkedHashSet<>();
    private final boolean transformed;
    private final List<Problem> problems = new ArrayList<>();
    private final IntrinsicEvaluator evaluator;
    private final ConditionTable conditions;

    TemplateContext(SourceFile file, MappingNode root, Map<String, String> given) {
        this.file = file;
        this.root = root;
        this.parameters = new ParameterTable(root.get("Parameters"), given);
        this.pseudo = new PseudoParameters(given);
        if (root.get("Resources").orElse(null) instanceof MappingNode resources) {
            resources.entries().forEach(e -> resourceNames.add(e.key()));
        }
        this.transformed = root.get("Transform").isPresent() || isPreprocessed(root, 0);
        this.evaluator = new IntrinsicEvaluator(this);
        this.conditions = new ConditionTable(root.get("Conditions"), this);
    }

    /**
     * A macro ({@code Transform: AWS::Serverless-2016-10-31}, {@code Fn::Transform}) or the Rain preprocessor
     * ({@code !Rain::Module}) adds resources and parameters before CloudFormation sees the template, so names this
     * template does not define are not errors in it.
     */
    private static boolean isPreprocessed(TemplateNode node, int depth) {
        if (depth > 500) {
            return false;
        }
        if (node instanceof InvalidNode invalid) {
            return invalid.isRainDirective();
        }
        if (node instanceof FunctionNode f) {
            return f.name().equals("Fn::Transform") || f.name().startsWith("Rain::")
                    || isPreprocessed(f.argument(), depth + 1);
        }
        // loops rather than streams: this visits every node of the template, a stream pipeline per node
        if (node instanceof MappingNode m) {
            for (MappingNode.Entry e : m.entries()) {
                if (isPreprocessed(e.value(), depth + 1)) {
                    return true;
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (TemplateNode item : s.items()) {
                if (isPreprocessed(item, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    SourceFile file() {
        return file;
    }

    Optional<TemplateNode> section(String name) {
        return root.get(name);
    }

    ParameterTable parameters() {
        return parameters;
    }

    PseudoParameters pseudo() {
        return pseudo;
    }

    boolean isResource(String logicalId) {
        return resourceNames.contains(logicalId);
    }

    ResourceId resourceId(String logicalId) {
        return new ResourceId(file.displayPath(), logicalId);
    }

    /** True when a macro or preprocessor may define what the template leaves undefined. */
    boolean isTransformed() {
        return transformed;
    }

    IntrinsicEvaluator evaluator() {
        return evaluator;
    }

    ConditionTable conditions() {
        return conditions;
    }

    void problem(Span where, String message) {
        problems.add(new Problem(where, message));
    }

    /** A problem about a name the template does not define, unless a macro may define it. */
    void undefinedName(Span where, String message) {
        if (!transformed) {
            problem(where, message);
        }
    }

    List<Problem> problems() {
        return problems;
    }
}
