/**
 * Terraform into the resource graph: root modules and local module calls, variables (defaults, tfvars, user values),
 * locals, count/for_each, dynamic blocks, and an evaluator for HCL expressions that answers "unknown" whenever
 * Terraform itself could not know a value before apply.
 */
package dev.preflight.terraform;
