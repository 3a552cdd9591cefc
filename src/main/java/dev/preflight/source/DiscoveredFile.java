package dev.preflight.source;

import java.nio.file.Path;

/** A file the scan will read, and what it is. */
public record DiscoveredFile(Path path, InputKind kind) {
}
