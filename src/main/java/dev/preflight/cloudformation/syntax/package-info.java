/**
 * CloudFormation template syntax: YAML (SnakeYAML's compose API) and JSON (Jackson's streaming parser) read into one
 * small tree of {@link dev.preflight.cloudformation.syntax.TemplateNode}s with exact spans, where intrinsic functions,
 * short ({@code !Ref X}) or long ({@code {"Ref": "X"}}), are {@link dev.preflight.cloudformation.syntax.FunctionNode}s.
 * Nothing here evaluates anything; that is the loader's job.
 */
package dev.preflight.cloudformation.syntax;
