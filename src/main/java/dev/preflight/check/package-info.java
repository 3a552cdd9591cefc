/**
 * Checking rules from code, ArchUnit's way: load a folder of Terraform, CloudFormation or plan JSON once with
 * {@link dev.preflight.check.InfrastructureImporter}, then {@code rule.check(infrastructure)} for the built-in pack
 * ({@link dev.preflight.check.BuiltInPack}), one built-in rule, a rule file ({@link dev.preflight.check.RuleFiles})
 * or your own rules; {@link dev.preflight.check.FrozenRule} fails only on violations not recorded yet. Part of the
 * public API, with no JUnit dependency: a failure is a plain {@link java.lang.AssertionError}.
 *
 * <pre>{@code
 * Infrastructure infrastructure = new InfrastructureImporter().importPaths(Path.of("infra"));
 * BuiltInPack.all().check(infrastructure);
 * FrozenRule.freeze(new ServiceOwnerTag()).check(infrastructure);
 * }</pre>
 */
package dev.preflight.check;
