package dev.preflight.terraform.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.graph.Format;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.graph.Value;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.CallSites;
import dev.preflight.terraform.syntax.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a Terraform plan in JSON ({@code terraform show -json PLANFILE}) into graph resources: every instance
 * Terraform expanded, every value it computed, "known after apply" as {@link Value.Unknown} or as the reference it
 * was written as. Positions come from the {@code .tf} files beside the plan when they are there; otherwise
 * everything points at the plan file's first line.
 */
public final class PlanLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The resources and problems, the configuration files read for positions (reports show their lines), and where
     * findings in module code that {@code terraform init} installed are reported.
     */
    public record Result(LoadResult load, List<SourceFile> configurationFiles, CallSites callSites) {
        public Result(LoadResult load, List<SourceFile> configurationFiles) {
            this(load, configurationFiles, CallSites.NONE);
        }
    }

    /** Loads {@code plan}; paths are shown relative to {@code baseDir}. */
    public Result load(SourceFile plan, Path baseDir) {
        Span planStart = new Span(plan.displayPath(), 1, 1, 1, 1);
        JsonNode root;
        try {
            root = JSON.readTree(plan.text());
        } catch (JsonProcessingException e) {
            return failed(planStart, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !PlanDocument.isPlan(root)) {
            return failed(planStart, "not a Terraform plan in JSON (terraform show -json PLANFILE)");
        }
        PlanDocument doc = new PlanDocument(root);
        List<PlannedResource> planned = doc.resources();
        Path base = baseDir.toAbsolutePath().normalize();
        Path dir = plan.path().toAbsolutePath().normalize().getParent();
        SourceTree sources = new SourceTree(dir, p -> display(base, p));
        String scope = plan.displayPath();
        SourceReferences references = new SourceReferences(scope, sources, instancesByBase(planned));

        EvaluatedSource evaluated = new EvaluatedSource(dir, base, scope, root.path("variables"));
        List<Resource> resources = new ArrayList<>();
        for (PlannedResource p : planned) {
            Block block = sources.module(p.moduleCalls()).resources.get(p.configAddress());
            Span span = block != null ? block.span() : planStart;
            Value.MapValue properties = new PlanValues(references, p, span,
                    () -> block == null ? java.util.Optional.empty() : evaluated.properties(p.address()))
                    .properties(block != null ? block.body() : null);
            Resource r = new Resource(new ResourceId(scope, p.address()), p.type(), ResourceTypes.kindOf(p.type()),
                    Format.TERRAFORM, p.data(), properties, span, null);
            resources.add(r);
            resources.addAll(InlineRoutes.of(r));
        }
        return new Result(new LoadResult(resources, List.of()), sources.filesRead(),
                CallSites.ofConfiguration(base, dir, p -> display(base, p)));
    }

    private static Result failed(Span where, String message) {
        return new Result(new LoadResult(List.of(), List.of(new Problem(where, message))), List.of());
    }

    /** {@code aws_subnet.a} to {@code [aws_subnet.a[0], aws_subnet.a[1]]}; a resource without index to itself. */
    private static Map<String, List<String>> instancesByBase(List<PlannedResource> planned) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PlannedResource p : planned) {
            String base = p.modulePrefix() + p.configAddress();
            out.computeIfAbsent(base, k -> new ArrayList<>()).add(p.address());
        }
        return out;
    }

    private static String display(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
