package dev.preflight.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is documented for the people who build on it: every public type of the API packages (the same list
 * as {@link ApiPackages} and docs/writing-rules.md) has a Javadoc comment with a short example ({@code <pre>}).
 */
class ApiDocumentationTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/preflight");
    private static final List<String> API_DIRECTORIES = List.of("dsl", "dsl/aws", "graph", "check", "junit");
    /** The graph's write side and internals, which users never touch. */
    private static final Set<String> NOT_API = Set.of("graph/ResourceTypes.java", "graph/LoadResult.java",
            "graph/GraphStatistics.java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*(?:@[\\w.]+(?:\\([^)]*\\))?"
            + "\\s*)*public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.DOTALL);

    @Test
    void everyPublicApiTypeHasJavadocWithAnExample() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String d : API_DIRECTORIES) {
            try (Stream<Path> s = Files.list(SOURCES.resolve(d))) {
                s.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                        .filter(f -> !NOT_API.contains(SOURCES.relativize(f).toString().replace('\\', '/')))
                        .forEach(files::add);
            }
        }
        files.add(SOURCES.resolve("source/Span.java"));
        List<String> missing = new ArrayList<>();
        int types = 0;
        for (Path f : files) {
            Matcher m = PUBLIC_TYPE.matcher(Files.readString(f));
            if (!m.find()) {
                continue; // package-private: not API
            }
            types++;
            if (m.group(1) == null || !m.group(1).contains("<pre>")) {
                missing.add(SOURCES.relativize(f) + " (" + m.group(2) + ")");
            }
        }
        assertTrue(types > 60, "the API types were found: " + types);
        assertEquals(List.of(), missing, "public API types without a Javadoc example (<pre>{@code ...}</pre>)");
    }
}
