package dev.preflight.terraform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.preflight.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real {@code .tf} file of the shared corpus must parse. */
class CorpusParseTest {

    /** The shared corpus directory (system property {@code preflight.corpus}, set by the pom). */
    static Path corpusRoot() {
        String prop = System.getProperty("preflight.corpus", "../shared/corpus");
        return Path.of(prop).resolve("terraform");
    }

    /** All .tf files under the corpus, sorted, or an empty list when the corpus is absent. */
    static List<Path> corpusFiles() throws IOException {
        Path root = corpusRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var stream = Files.walk(root)) {
            return stream.filter(p -> p.toString().endsWith(".tf") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    static SourceFile read(Path file) throws IOException {
        return new SourceFile(file, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void parsesEveryCorpusFile() throws IOException {
        List<Path> files = corpusFiles();
        assumeTrue(!files.isEmpty(), "corpus not found at " + corpusRoot().toAbsolutePath()
                + " (set -Dpreflight.corpus); skipping the corpus parse test");
        List<String> failures = new ArrayList<>();
        long bytes = 0;
        List<SourceFile> sources = new ArrayList<>();
        for (Path f : files) {
            SourceFile s = read(f);
            bytes += s.text().length();
            sources.add(s);
        }
        long t0 = System.nanoTime();
        for (SourceFile s : sources) {
            try {
                HclParser.parse(s);
            } catch (HclSyntaxException e) {
                failures.add(e.where() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                failures.add(s.displayPath() + ": CRASH " + e);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("corpus parse: %d files, %.2f MB, %d failures, %d ms (first pass, cold JIT)%n",
                files.size(), bytes / 1e6, failures.size(), ms);
        failures.stream().limit(40).forEach(System.out::println);
        assertEquals(List.of(), failures);
    }
}
