/**
 * Declarative rule files: YAML that names resources (a kind, a type, or a kind declared in the file), an optional
 * {@code where} filter and conditions on properties, tags and connections, compiled into the same DSL objects as a
 * Java rule (so descriptions, unknown handling, reports, suppressions and baselines are the same). The format is
 * documented in {@code docs/rule-files.md}. Internal: users write the files, not against these classes.
 */
package dev.preflight.rulefile;
