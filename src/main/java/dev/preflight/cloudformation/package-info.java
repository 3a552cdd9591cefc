/**
 * The CloudFormation loader: a parsed template ({@link dev.preflight.cloudformation.syntax}) becomes graph resources,
 * with parameters, pseudo parameters, mappings, conditions and intrinsic functions evaluated as far as the template
 * and the user's parameter values allow; what cannot be known stays {@link dev.preflight.graph.Value.Unknown}
 * with the reason.
 */
package dev.preflight.cloudformation;
