package dev.preflight.cli;

import dev.preflight.diagram.DotWriter;
import dev.preflight.diagram.MermaidWriter;
import dev.preflight.diagram.StackDiagram;
import dev.preflight.diagram.StackDiagrams;
import dev.preflight.engine.Gate;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScanResult;
import dev.preflight.engine.Scanner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code preflight graph [PATH]}: scans one root module or template with every rule, then draws its resource graph
 * as DOT or Mermaid with the resources that have findings marked. A path holding several stacks is refused with
 * their names, since a picture of one is what a reader can follow.
 */
final class GraphCommand {
    private final Console console;
    private final Supplier<RuleRegistry> registry;

    GraphCommand(Console console, Supplier<RuleRegistry> registry) {
        this.console = console;
        this.registry = registry;
    }

    int run(ParsedArgs args) throws UsageException, IOException {
        String format = Optional.ofNullable(args.value("format")).orElse("dot").toLowerCase(Locale.ROOT);
        if (!format.equals("dot") && !format.equals("mermaid")) {
            throw new UsageException("--format takes dot or mermaid, not '" + args.value("format") + "'");
        }
        Path cwd = console.workingDir();
        Path path = cwd.resolve(args.positionals().isEmpty() ? "." : args.positionals().get(0)).normalize();
        if (!Files.exists(path)) {
            throw new UsageException(args.positionals().get(0) + " does not exist");
        }
        ScanResult result = new Scanner().scan(new ScanRequest(List.of(path), cwd, Map.of(), Map.of(),
                registry.get().rules(), Math.max(1, Runtime.getRuntime().availableProcessors())));
        List<String> scopes = StackDiagrams.scopes(result.graph());
        if (scopes.isEmpty()) {
            throw new UsageException("no resources to draw in " + path);
        }
        if (scopes.size() > 1) {
            throw new UsageException("graph draws one root module or template; " + path + " holds "
                    + scopes.size() + ": " + String.join(", ", scopes));
        }
        StackDiagram diagram = StackDiagrams.of(result.graph(), scopes.get(0), result.findings());
        String focus = args.value("focus");
        if (focus != null) {
            diagram = StackDiagrams.focused(diagram, focus).orElseThrow(() -> new UsageException(
                    "--focus: no resource " + focus + " is drawn in " + scopes.get(0)));
        }
        String text = format.equals("dot") ? DotWriter.write(diagram) : MermaidWriter.write(diagram);
        write(text, args.value("output"));
        return Gate.CLEAN;
    }

    private void write(String text, String file) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (file == null) {
            console.out().print(text);
            console.out().flush();
            return;
        }
        Path target = console.workingDir().resolve(file);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(bytes);
        }
    }
}
