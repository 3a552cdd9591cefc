package dev.preflight.source;

/** An input that could not be read as it should: a parse error, a bad template, an unreadable file. */
public record Problem(Span where, String message) {
}
