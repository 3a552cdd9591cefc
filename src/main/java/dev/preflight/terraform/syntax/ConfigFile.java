package dev.preflight.terraform.syntax;

import dev.preflight.source.SourceFile;
import java.util.List;

/** One parsed {@code .tf} file: its top-level body, and the comments (kept for suppressions). */
public record ConfigFile(SourceFile source, Body body, List<Comment> comments) {
    public ConfigFile {
        comments = List.copyOf(comments);
    }
}
