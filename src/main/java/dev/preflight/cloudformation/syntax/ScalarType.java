package dev.preflight.cloudformation.syntax;

/**
 * What a scalar is in CloudFormation's eyes. YAML 1.1 would also make {@code yes}, {@code on}, {@code 0777} and
 * {@code 2010-09-09} booleans, octal numbers and timestamps; here they stay {@link #STRING}s (see {@link ScalarTyping}).
 */
public enum ScalarType {
    STRING, NUMBER, BOOLEAN, NULL
}
