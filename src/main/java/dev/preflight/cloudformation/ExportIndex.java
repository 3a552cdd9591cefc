package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the scan's templates export ({@code Outputs.X.Export.Name}, literal as CDK writes them or built with
 * {@code !Sub}/{@code !Join} from values that are known), so that {@code Fn::ImportValue} of one of them reads the
 * exporting output's value: a task definition in one stack is then judged against the repository or role of the
 * stack that exports it. A name no template exports, or that several do (copies of one stack for several
 * environments), stays unknown: the stack deployed under that name cannot be told.
 */
final class ExportIndex {
    private record Export(TemplateContext context, String output) {
    }

    private final Map<String, List<Export>> byName = new HashMap<>();
    private boolean ready;

    /** Adds what {@code context} exports. */
    void add(TemplateContext context) {
        context.outputs().exportedNames().forEach((name, output) ->
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Export(context, output)));
    }

    /** Every template's exports are in: imports may now be read, and values that read one may be kept. */
    void seal() {
        ready = true;
    }

    boolean ready() {
        return ready;
    }

    /** The value imported as {@code name} at {@code useSite}. */
    Value valueOf(String name, Span useSite) {
        if (!ready) {
            return new Value.Unknown("imported from another stack", useSite);
        }
        List<Export> found = byName.get(name);
        if (found == null) {
            return new Value.Unknown("imported from another stack: no template of this scan exports '" + name + "'",
                    useSite);
        }
        if (found.size() > 1) {
            return new Value.Unknown("imported from another stack: '" + name + "' is exported by " + found.size()
                    + " templates of this scan", useSite);
        }
        return found.get(0).context().outputs().value(found.get(0).output(), useSite);
    }
}
