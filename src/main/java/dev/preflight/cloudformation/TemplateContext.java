package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.FunctionNode;
import dev.preflight.cloudformation.syntax.InvalidNode;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one loaded stack knows about its template: sections, parameter values, resource names, where it sits
 * in its stack set, and the problems found. A template nested twice is two stacks, each with its own context. A
 * scan's contexts are used by one thread, so loads of other scans do not meet.
 */
final class TemplateContext {
    private final SourceFile file;
    private final MappingNode root;
    private final StackPlacement placement;
    private final StackSet stacks;
    private final ParameterTable parameters;
    private final PseudoParameters pseudo;
    private final Set<String> resourceNames = new LinkedHashSet<>();
    private final boolean transformed;
    private final List<Problem> problems = new ArrayList<>();
    private final IntrinsicEvaluator evaluator;
    private final ConditionTable conditions;
    private final StackOutputs outputs;
    /** Nested stacks by logical id, set up on first use; empty for a resource whose template is not loaded. */
    private final Map<String, Optional<NestedStack>> nested = new HashMap<>();

    /**
     * @param given  the user's parameter values (for a stack of its own; a nested stack's come from its parent)
     * @param pseudo the pseudo parameter values that hold for this stack
     */
    TemplateContext(SourceFile file, MappingNode root, Map<String, String> given, Map<String, String> pseudo,
                    StackPlacement placement, StackSet stacks) {
        this.file = file;
        this.root = root;
        this.placement = placement;
        this.stacks = stacks;
        this.parameters = new ParameterTable(root.get("Parameters"), given, placement.bindings());
        this.pseudo = new PseudoParameters(pseudo);
        if (root.get("Resources").orElse(null) instanceof MappingNode resources) {
            resources.entries().forEach(e -> resourceNames.add(e.key()));
        }
        this.transformed = root.get("Transform").isPresent() || isPreprocessed(root, 0);
        this.evaluator = new IntrinsicEvaluator(this);
        this.conditions = new ConditionTable(root.get("Conditions"), this);
        this.outputs = new StackOutputs(this);
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

    MappingNode root() {
        return root;
    }

    StackPlacement placement() {
        return placement;
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

    /** The graph id of resource {@code logicalId}: in the root stack's scope, addressed through its nested stacks. */
    ResourceId resourceId(String logicalId) {
        return new ResourceId(placement.scope(), placement.addressPrefix() + logicalId);
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

    StackOutputs outputs() {
        return outputs;
    }

    ExportIndex exports() {
        return stacks.exports();
    }

    /**
     * The nested stack {@code logicalId} of this template, when it is one whose template is a local file that
     * loads and that exists (its condition is not false); set up, with its own nested stacks, on first use.
     */
    Optional<NestedStack> nestedStack(String logicalId) {
        Optional<NestedStack> known = nested.get(logicalId);
        if (known != null) {
            return known;
        }
        Optional<NestedStack> made = Optional.empty();
        nested.put(logicalId, made); // a nested stack that reads its own outputs while being set up finds none
        if (section("Resources").orElse(null) instanceof MappingNode resources
                && resources.get(logicalId).orElse(null) instanceof MappingNode body
                && conditions.ofEntry(body) != Truth.FALSE) {
            made = stacks.nest(this, logicalId, body);
        }
        nested.put(logicalId, made);
        return made;
    }

    /**
     * What {@code !GetAtt resource.Outputs.name} gives when {@code resource} is a nested stack whose template is
     * loaded: the child's output; empty for any other resource.
     */
    Optional<Value> nestedOutput(String resource, String name, Span useSite) {
        Optional<NestedStack> stack = nestedStack(resource);
        if (stack.isPresent() && stack.get().lacksOutput(name)) {
            problem(useSite, "GetAtt of output '" + name + "' of nested stack " + resource + ", which its template "
                    + stack.get().childFile() + " does not define");
        }
        return stack.map(s -> s.output(name, useSite));
    }

    /** The value {@code Fn::ImportValue} of {@code name} reads. */
    Value importedValue(Value name, Span useSite) {
        Optional<String> text = Values.text(name);
        if (text.isEmpty()) {
            return new Value.Unknown("imported from another stack under a name not known: " + Values.whyNotText(name),
                    useSite);
        }
        return stacks.exports().valueOf(text.get(), useSite);
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
