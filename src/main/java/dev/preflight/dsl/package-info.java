/**
 * The fluent rule language, modelled on ArchUnit: a {@link dev.preflight.dsl.ResourcePredicate} selects, a
 * {@link dev.preflight.dsl.ResourceCondition} asserts, and the rule's description is generated from the chain.
 * Everything is three-valued ({@link dev.preflight.dsl.Truth}): a rule fires only where the configuration is
 * definitely wrong, never on a value that is unknown before apply. Domain vocabulary lives in {@code dsl.aws}.
 */
package dev.preflight.dsl;
