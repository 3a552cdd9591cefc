package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.nio.file.Path;

/**
 * The scope of places where Terraform allows no references: variable defaults, tfvars, module sources. Every name
 * is unknown there.
 */
final class NoScope extends ClosedScope {
    static final NoScope INSTANCE = new NoScope();

    private NoScope() {
    }

    @Override
    Value refused(String what, Span use) {
        return new Value.Unknown(what + " cannot be referred to here", use);
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
