package dev.preflight.terraform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import dev.preflight.terraform.TerraformLoader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration beside a plan, evaluated by preflight as a source scan would, with the plan's variable values.
 * It supplies what a value Terraform knows only after apply looks like ({@code "${repo.url}:latest"}, a JSON
 * document with one unknown field), so that a plan scan sees what a source scan sees. Loaded on first use; nothing
 * when there is no configuration or it does not load.
 */
final class EvaluatedSource {
    private final Path dir;
    private final Path base;
    private final String scope;
    private final JsonNode variables;
    private Map<String, Resource> byAddress;

    EvaluatedSource(Path dir, Path base, String scope, JsonNode variables) {
        this.dir = dir;
        this.base = base;
        this.scope = scope;
        this.variables = variables;
    }

    /** The source-evaluated properties of the resource at {@code address}, references in the plan's scope. */
    Optional<Value.MapValue> properties(String address) {
        Resource r = resources().get(address);
        return r == null ? Optional.empty() : Optional.of((Value.MapValue) rescoped(r.properties()));
    }

    private Map<String, Resource> resources() {
        if (byAddress != null) {
            return byAddress;
        }
        byAddress = new HashMap<>();
        List<SourceFile> files = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                List<Path> sorted = new ArrayList<>();
                entries.forEach(sorted::add);
                sorted.sort(null);
                for (Path p : sorted) {
                    String n = p.getFileName().toString();
                    if (Files.isRegularFile(p) && (n.endsWith(".tf") || n.endsWith(".tf.json")
                            || n.equals("terraform.tfvars") || n.endsWith(".auto.tfvars"))) {
                        files.add(SourceReader.read(p, display(p)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return byAddress;
            }
        }
        if (files.isEmpty()) {
            return byAddress;
        }
        try {
            LoadResult loaded = new TerraformLoader().load(base, files, planVariables());
            for (Resource r : loaded.resources()) {
                byAddress.putIfAbsent(r.address(), r);
            }
        } catch (RuntimeException e) {
            // a configuration preflight cannot evaluate: the plan's values stand alone
        }
        return byAddress;
    }

    /** The plan's variable values as HCL expressions (JSON is HCL, once interpolation markers are escaped). */
    private Map<String, String> planVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        if (variables != null && variables.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue().get("value");
                if (v != null && !v.isNull()) {
                    out.put(e.getKey(), v.toString().replace("${", "$${").replace("%{", "%%{"));
                }
            }
        }
        return out;
    }

    private Value rescoped(Value v) {
        if (v instanceof Value.Ref r) {
            return new Value.Ref(new ResourceId(scope, r.target().address()), r.attribute(), r.span());
        }
        if (v instanceof Value.Template t) {
            return new Value.Template(t.parts().stream().map(this::rescoped).toList(), t.span());
        }
        if (v instanceof Value.ListValue l) {
            return new Value.ListValue(l.items().stream().map(this::rescoped).toList(), l.span());
        }
        if (v instanceof Value.MapValue m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            m.entries().forEach((k, x) -> entries.put(k, rescoped(x)));
            return new Value.MapValue(entries, m.span());
        }
        return v;
    }

    private String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
