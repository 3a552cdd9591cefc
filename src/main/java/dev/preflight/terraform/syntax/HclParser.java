package dev.preflight.terraform.syntax;

import dev.preflight.source.SourceFile;

/** Parses HCL native syntax ({@code .tf}, {@code .tfvars}) into a {@link ConfigFile}. To be implemented. */
public final class HclParser {
    private HclParser() {
    }

    public static ConfigFile parse(SourceFile source) throws HclSyntaxException {
        throw new UnsupportedOperationException("not yet");
    }
}
