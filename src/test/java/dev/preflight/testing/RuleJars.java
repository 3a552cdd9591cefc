package dev.preflight.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds users' rule jars for tests: compiles Java sources against the test class path (preflight's classes) with
 * the JDK's compiler and packs them with a {@code META-INF/services} file, as a user's build would.
 */
public final class RuleJars {
    private RuleJars() {
    }

    /**
     * A jar at {@code jar} with the classes compiled from {@code sources} (class name to source text) and a services
     * file listing {@code services} (null for none).
     */
    public static Path build(Path jar, Map<String, String> sources, List<String> services) {
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path work = Files.createTempDirectory("rule-jar");
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (!sources.isEmpty() && javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test rule sources do not compile");
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
                if (services != null) {
                    j.putNextEntry(new JarEntry("META-INF/services/dev.preflight.dsl.Rule"));
                    j.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                    j.closeEntry();
                }
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                        j.write(Files.readAllBytes(f));
                        j.closeEntry();
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source of a rule class {@code acme.NAME} with id {@code id} on {@code kind}, written with the DSL. */
    public static String dslRule(String name, String id, String body) {
        return """
                package acme;

                import static dev.preflight.dsl.ResourceSelection.resources;
                import static dev.preflight.dsl.ResourceSelection.resourcesOfType;
                import static dev.preflight.dsl.RuleDefinition.rule;

                import dev.preflight.dsl.*;
                import dev.preflight.graph.*;

                public final class NAME extends DslRule {
                    public NAME() {
                        super(rule("ID").title("a test rule").fix("fix it").check(BODY));
                    }
                }
                """.replace("NAME", name).replace("ID", id).replace("BODY", body);
    }
}
