package dev.preflight.source;

/**
 * An input left out on purpose, and why: a tool's folder, or a YAML/JSON file that is not a template. Not an
 * error: {@code --verbose} lists them so that a user who expected a file to be checked can see why it was not.
 * {@code path} is the path as discovered or, once the scanner has it, as the user sees it.
 */
public record Skipped(String path, String reason) {
}
