package dev.preflight.report;

/** Who produced a report: SARIF's tool.driver and JSON's top-level {@code tool}. */
public record ToolInfo(String name, String version, String informationUri) {

    /** The documentation address of a rule, for SARIF's helpUri. */
    public String ruleDocUri(String ruleId) {
        return informationUri + "/blob/main/rules/README.md#" + ruleId;
    }
}
