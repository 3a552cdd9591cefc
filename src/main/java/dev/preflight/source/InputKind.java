package dev.preflight.source;

/** What an input file is, decided from its name and, for YAML/JSON, its content. */
public enum InputKind {
    TERRAFORM, TERRAFORM_JSON, TERRAFORM_VARS, CLOUDFORMATION_YAML, CLOUDFORMATION_JSON,
    /** The JSON of {@code terraform show -json PLANFILE}. */
    TERRAFORM_PLAN
}
