package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.nio.file.Path;

/**
 * The scope of places where Terraform allows no references: variable defaults, tfvars, module sources. Every name
 * is unknown there.
 */
enum NoScope implements Scope {
    INSTANCE;

    private static Value none(String what, Span use) {
        return new Value.Unknown(what + " cannot be referred to here", use);
    }

    @Override
    public Value variable(String name, Span use) {
        return none("var." + name, use);
    }

    @Override
    public Value local(String name, Span use) {
        return none("local." + name, use);
    }

    @Override
    public Value resource(String type, String name, Span use) {
        return none(type + "." + name, use);
    }

    @Override
    public Value data(String type, String name, Span use) {
        return none("data." + type + "." + name, use);
    }

    @Override
    public Value moduleCall(String call, Span use) {
        return none("module." + call, use);
    }

    @Override
    public Value moduleOutput(String call, Value instanceKey, String output, Span use) {
        return none("module." + call, use);
    }

    @Override
    public Path directory() {
        return Path.of(".");
    }

    @Override
    public Path rootDirectory() {
        return Path.of(".");
    }
}
