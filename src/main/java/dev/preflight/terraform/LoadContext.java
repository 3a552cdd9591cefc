package dev.preflight.terraform;

import dev.preflight.graph.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What all module instances of one root module share while it loads. */
final class LoadContext {
    /** Module calls deeper than this are treated as unknown (Terraform has no limit; real code is far shallower). */
    static final int MAX_MODULE_DEPTH = 12;

    final ModuleReader reader;
    final Path rootDirectory;
    /** The scope of every {@link dev.preflight.graph.ResourceId} of this root: its directory as shown to users. */
    final String scopeId;
    final List<Resource> resources = new ArrayList<>();

    LoadContext(ModuleReader reader, Path rootDirectory, String scopeId) {
        this.reader = reader;
        this.rootDirectory = rootDirectory;
        this.scopeId = scopeId;
    }
}
