/** Input files: discovery, classification, reading once, and the {@link dev.preflight.source.Span}s findings point at. */
package dev.preflight.source;
