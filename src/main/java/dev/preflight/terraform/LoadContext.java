package dev.preflight.terraform;

import dev.preflight.graph.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What all module instances of one root module share while it loads. */
final class LoadContext {
    /** Module calls deeper than this are treated as unknown (Terraform has no limit; real code is far shallower). */
    static final int MAX_MODULE_DEPTH = 12;

    final ModuleReader reader;
    final Path rootDirectory;
    /** The scope of every {@link dev.preflight.graph.ResourceId} of this root: its directory as shown to users. */
    final String scopeId;
    final List<Resource> resources = new ArrayList<>();
    /** Addresses of the resources and data sources, referred to so far, that have neither count nor for_each. */
    final Set<String> singleInstances = new HashSet<>();
    /** Where the texts read by file() and templatefile() were written. */
    final TextOrigins origins = new TextOrigins();

    LoadContext(ModuleReader reader, Path rootDirectory, String scopeId) {
        this.reader = reader;
        this.rootDirectory = rootDirectory;
        this.scopeId = scopeId;
    }
}
