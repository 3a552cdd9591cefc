package dev.preflight.cloudformation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a loaded template sits in its scan: the scope its resources belong to (the root stack's file: a nested
 * stack is deployed with its parent, so rules relate the two as they relate a Terraform module to its root), the
 * prefix of its resources' addresses ({@code Network.} for the stack {@code Network}), what its parent passes,
 * and the templates from the root down to it (to stop at a template that nests itself).
 */
record StackPlacement(String scope, String addressPrefix, ParameterBindings bindings, List<Path> chain) {
    StackPlacement {
        chain = List.copyOf(chain);
    }

    /** A template deployed as a stack of its own. */
    static StackPlacement root(String displayPath, Path file) {
        return new StackPlacement(displayPath, "", ParameterBindings.NONE, List.of(file));
    }

    /** The placement of the stack {@code logicalId} of this one, whose template is {@code file}. */
    StackPlacement nested(String logicalId, ParameterBindings passed, Path file) {
        List<Path> down = new ArrayList<>(chain);
        down.add(file);
        return new StackPlacement(scope, addressPrefix + logicalId + ".", passed, down);
    }

    boolean isNested() {
        return !addressPrefix.isEmpty();
    }
}
