/**
 * The shared resource graph: one model for Terraform and CloudFormation. Resources have a {@link dev.preflight.graph.Kind},
 * properties read by canonical name, three-valued {@link dev.preflight.graph.Value}s, exact spans, and labelled edges
 * with reverse indexes. Nothing here knows about syntax or file formats.
 */
package dev.preflight.graph;
