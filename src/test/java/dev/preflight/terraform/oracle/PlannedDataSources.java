package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data source instances of a plan JSON, by address: those Terraform read while planning (in the prior state,
 * with their values) and those it defers to apply (a "read" change, with the unknown mask).
 */
final class PlannedDataSources {
    private PlannedDataSources() {
    }

    static Map<String, PlannedInstances.Instance> of(JsonNode plan) {
        Map<String, PlannedInstances.Instance> out = new LinkedHashMap<>();
        collect(plan.path("prior_state").path("values").path("root_module"), out);
        for (JsonNode c : plan.path("resource_changes")) {
            if ("data".equals(c.path("mode").asText())) {
                out.put(c.path("address").asText(), new PlannedInstances.Instance(c.path("type").asText(),
                        c.path("change").path("after"), c.path("change").path("after_unknown")));
            }
        }
        return out;
    }

    private static void collect(JsonNode module, Map<String, PlannedInstances.Instance> out) {
        for (JsonNode r : module.path("resources")) {
            if ("data".equals(r.path("mode").asText())) {
                out.put(r.path("address").asText(), new PlannedInstances.Instance(r.path("type").asText(),
                        r.path("values"), null));
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, out);
        }
    }
}
