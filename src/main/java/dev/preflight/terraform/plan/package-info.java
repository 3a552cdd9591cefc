/**
 * Terraform plan JSON ({@code terraform show -json PLANFILE}) as scan input: the values Terraform itself computed,
 * "known after apply" kept unknown, references restored from the configuration, positions from the {@code .tf} files
 * beside the plan.
 */
package dev.preflight.terraform.plan;
