package dev.preflight.terraform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a plan JSON document preflight reads: every planned resource instance, from the root module and its
 * child modules, with the "after" values and unknown mask of its change.
 */
final class PlanDocument {
    private final JsonNode root;
    private final Map<String, JsonNode> changesByAddress = new HashMap<>();

    PlanDocument(JsonNode root) {
        this.root = root;
        for (JsonNode change : root.path("resource_changes")) {
            changesByAddress.put(change.path("address").asText(), change.path("change"));
        }
    }

    /** True when {@code root} has the shape of {@code terraform show -json PLANFILE} output. */
    static boolean isPlan(JsonNode root) {
        return root.isObject() && root.has("format_version")
                && (root.has("planned_values") || root.has("resource_changes"));
    }

    /** Every resource instance Terraform plans to have, in the plan's order. */
    List<PlannedResource> resources() {
        List<PlannedResource> out = new ArrayList<>();
        collect(root.path("planned_values").path("root_module"), "", List.of(), out);
        return out;
    }

    private void collect(JsonNode module, String prefix, List<String> calls, List<PlannedResource> out) {
        for (JsonNode r : module.path("resources")) {
            String address = r.path("address").asText();
            JsonNode change = changesByAddress.get(address);
            // a planned value without a change (no-op refresh) keeps its values, all known
            JsonNode after = change != null && change.has("after") ? change.get("after") : r.path("values");
            JsonNode unknown = change != null ? change.path("after_unknown") : NullNode.getInstance();
            out.add(new PlannedResource(address, prefix, calls, r.path("type").asText(), r.path("name").asText(),
                    "data".equals(r.path("mode").asText()), after, unknown));
        }
        for (JsonNode child : module.path("child_modules")) {
            String childAddress = child.path("address").asText();
            List<String> childCalls = new ArrayList<>(calls);
            childCalls.add(dev.preflight.terraform.ResourceAddress.lastCallName(childAddress));
            collect(child, childAddress + ".", List.copyOf(childCalls), out);
        }
    }

    /** The {@code configuration} section's module for a path of calls, or a missing node. */
    JsonNode configurationModule(List<String> calls) {
        JsonNode module = root.path("configuration").path("root_module");
        for (String call : calls) {
            module = module.path("module_calls").path(call).path("module");
        }
        return module;
    }
}
