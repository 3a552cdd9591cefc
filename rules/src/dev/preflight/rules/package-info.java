/**
 * The built-in rule pack: one rule per file, written with the DSL ({@code dev.preflight.dsl}), registered with
 * {@code @AutoService(Rule.class)}. Ids are a contract (suppressions and baselines name them); never rename one.
 */
package dev.preflight.rules;
