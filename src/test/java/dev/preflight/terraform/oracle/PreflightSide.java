package dev.preflight.terraform.oracle;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.terraform.TerraformLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What preflight loads from a fixture's source, as the scanner would: its Terraform resources by address. */
final class PreflightSide {
    private PreflightSide() {
    }

    /** Managed resources and data sources of the fixture (no inline routes), by address. */
    static Map<String, Resource> load(Path fixture) {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(fixture)) {
            for (Path p : walk.sorted().toList()) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !p.toString().contains(".terraform")
                        && (n.endsWith(".tf") || n.equals("terraform.tfvars") || n.endsWith(".auto.tfvars"))) {
                    files.add(SourceReader.read(p, fixture.relativize(p).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadResult loaded = new TerraformLoader().load(fixture, files, Map.of());
        if (!loaded.problems().isEmpty()) {
            throw new AssertionError(fixture + ": preflight could not load it: " + loaded.problems());
        }
        Map<String, Resource> out = new LinkedHashMap<>();
        for (Resource r : loaded.resources()) {
            if (r.parent().isEmpty()) {
                out.put(r.address(), r);
            }
        }
        return out;
    }
}
