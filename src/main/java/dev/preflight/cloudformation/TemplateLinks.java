package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.FunctionNode;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import java.nio.file.Path;

/**
 * Whether a template may depend on, or be depended on by, another template of the scan, read from its text alone:
 * it names a local nested template, exports an output, or imports a value. Most templates do none of these; they
 * are loaded on their own as soon as they are parsed, side by side, and their syntax trees are dropped at once.
 * (Being nested by another template is seen only from that other one: such a template is loaded again below it.)
 */
final class TemplateLinks {
    private static final int MAX_DEPTH = 500;

    private TemplateLinks() {
    }

    /** True when {@code root}, read from {@code file}, has a nested local template, an export or an import. */
    static boolean any(MappingNode root, Path file) {
        if (!NestedTemplateLocation.in(root, file).isEmpty()) {
            return true;
        }
        if (root.get("Outputs").orElse(null) instanceof MappingNode outputs) {
            for (MappingNode.Entry e : outputs.entries()) {
                if (e.value() instanceof MappingNode output && output.get("Export").isPresent()) {
                    return true;
                }
            }
        }
        return imports(root, 0);
    }

    /** A loop rather than a stream: this visits every node of the template. */
    private static boolean imports(TemplateNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (node instanceof FunctionNode f) {
            return f.name().equals("Fn::ImportValue") || imports(f.argument(), depth + 1);
        }
        if (node instanceof MappingNode m) {
            for (MappingNode.Entry e : m.entries()) {
                if (imports(e.value(), depth + 1)) {
                    return true;
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (TemplateNode item : s.items()) {
                if (imports(item, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
