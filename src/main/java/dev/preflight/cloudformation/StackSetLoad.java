package dev.preflight.cloudformation;

import dev.preflight.graph.Resource;
import dev.preflight.source.Problem;
import dev.preflight.source.Skipped;
import dev.preflight.source.SourceFile;
import java.util.List;

/**
 * What loading a scan's templates together gave: the resources of every stack (nested stacks' resources included,
 * written in their own files), the problems met, every template file read (inputs and the nested templates read
 * beside them, for reports and suppressions), and the inputs skipped because they are not templates.
 */
public record StackSetLoad(List<Resource> resources, List<Problem> problems, List<SourceFile> files,
                           List<Skipped> skipped) {
    public StackSetLoad {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }
}
