package dev.preflight.terraform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource instance of a plan: its address, the module instance it lives in ({@code modulePrefix}, e.g.
 * {@code module.net["a"].}), the module calls leading to it ({@code ["net"]}), and Terraform's planned values with
 * the mask of values known only after apply.
 */
record PlannedResource(String address, String modulePrefix, List<String> moduleCalls, String type, String name,
                       boolean data, JsonNode after, JsonNode afterUnknown) {

    /** {@code type.name}, or {@code data.type.name}: the resource's address inside its module, without index. */
    String configAddress() {
        return (data ? "data." : "") + type + "." + name;
    }
}
