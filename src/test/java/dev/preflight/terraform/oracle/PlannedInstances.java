package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The managed resource instances of a plan JSON, by address, with their planned values and unknown masks. */
final class PlannedInstances {
    /** One instance: its type, Terraform's "after" values and "after_unknown" mask. */
    record Instance(String type, JsonNode after, JsonNode afterUnknown) {
    }

    private PlannedInstances() {
    }

    static Map<String, Instance> of(JsonNode plan) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (JsonNode c : plan.path("resource_changes")) {
            changes.put(c.path("address").asText(), c.path("change"));
        }
        Map<String, Instance> out = new LinkedHashMap<>();
        collect(plan.path("planned_values").path("root_module"), changes, out);
        return out;
    }

    private static void collect(JsonNode module, Map<String, JsonNode> changes, Map<String, Instance> out) {
        for (JsonNode r : module.path("resources")) {
            if (!"managed".equals(r.path("mode").asText())) {
                continue;
            }
            String address = r.path("address").asText();
            JsonNode change = changes.get(address);
            JsonNode after = change != null ? change.path("after") : r.path("values");
            JsonNode unknown = change != null ? change.path("after_unknown") : null;
            out.put(address, new Instance(r.path("type").asText(), after, unknown));
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, changes, out);
        }
    }
}
