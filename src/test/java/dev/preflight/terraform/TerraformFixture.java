package dev.preflight.terraform;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a small Terraform tree into a directory and loads it, for loader tests. */
final class TerraformFixture {
    private final Path root;

    TerraformFixture(Path root) {
        this.root = root;
    }

    TerraformFixture file(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadResult load() {
        return load(Map.of());
    }

    LoadResult load(Map<String, String> variables) {
        return loadAll(variables).load();
    }

    /** Loads as a scan would: {@code .terraform} is not scanned (its modules load through their calls). */
    TerraformLoader.Result loadAll(Map<String, String> variables) {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && !root.relativize(p).startsWith(".terraform")
                        && (name.endsWith(".tf") || name.endsWith(".tf.json") || name.endsWith(".tfvars"))) {
                    files.add(SourceReader.read(p, root.relativize(p).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TerraformLoader().loadAll(root, files, variables);
    }

    static Resource resource(LoadResult r, String address) {
        return r.resources().stream().filter(x -> x.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + address + " in "
                        + r.resources().stream().map(Resource::address).toList()));
    }

    static ResourceGraph graph(LoadResult r) {
        return new ResourceGraph(r.resources());
    }
}
