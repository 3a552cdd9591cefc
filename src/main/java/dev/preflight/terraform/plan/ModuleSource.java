package dev.preflight.terraform.plan;

import dev.preflight.source.SourceFile;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.ConfigFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarations of one module directory that a plan's resources are mapped back to: resource and data blocks
 * (keyed {@code type.name} and {@code data.type.name}), outputs and module calls. The plan has no positions; these
 * blocks give them.
 */
final class ModuleSource {
    static final ModuleSource NONE = new ModuleSource(null, List.of(), List.of());

    final Path directory;
    final List<SourceFile> files;
    final Map<String, Block> resources = new HashMap<>();
    final Map<String, Block> outputs = new HashMap<>();
    final Map<String, Block> moduleCalls = new HashMap<>();

    ModuleSource(Path directory, List<SourceFile> files, List<ConfigFile> parsed) {
        this.directory = directory;
        this.files = files;
        for (ConfigFile f : parsed) {
            for (Block b : f.body().blocks()) {
                declare(b);
            }
        }
    }

    private void declare(Block b) {
        // the first declaration wins, as in the source loader; Terraform rejects duplicates anyway
        if (b.type().equals("resource") && b.labels().size() == 2) {
            resources.putIfAbsent(b.label(0) + "." + b.label(1), b);
        } else if (b.type().equals("data") && b.labels().size() == 2) {
            resources.putIfAbsent("data." + b.label(0) + "." + b.label(1), b);
        } else if (b.type().equals("output") && b.labels().size() == 1) {
            outputs.putIfAbsent(b.label(0), b);
        } else if (b.type().equals("module") && b.labels().size() == 1) {
            moduleCalls.putIfAbsent(b.label(0), b);
        }
    }
}
