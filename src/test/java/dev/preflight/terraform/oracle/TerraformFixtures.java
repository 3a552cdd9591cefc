package dev.preflight.terraform.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Terraform fixture directories under {@code testdata/}: directories with {@code .tf} files that no other
 * fixture calls as a local module (those are planned through their caller). The parser's corpus is left out: its
 * probes are single files, some deliberately broken, not a configuration; so is any directory holding a file
 * named {@value #OPT_OUT}, which says why Terraform is meant to reject it.
 */
final class TerraformFixtures {
    static final String OPT_OUT = ".not-terraform-valid";
    static final Path ROOT = Path.of("testdata");
    private static final Path PARSER_CORPUS = ROOT.resolve("parsing");
    private static final Pattern LOCAL_SOURCE = Pattern.compile("source\\s*=\\s*\"(\\.\\.?/[^\"]*)\"");

    private TerraformFixtures() {
    }

    /** Root fixture directories, sorted. */
    static List<Path> roots() {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        List<Path> dirs = terraformDirectories();
        Set<Path> called = new HashSet<>();
        for (Path dir : dirs) {
            for (Path tf : tfFiles(dir)) {
                Matcher m = LOCAL_SOURCE.matcher(read(tf));
                while (m.find()) {
                    called.add(dir.resolve(m.group(1)).normalize());
                }
            }
        }
        return dirs.stream().filter(d -> !called.contains(d)).filter(d -> !optedOut(d))
                .filter(TerraformFixtures::selected).sorted().toList();
    }

    /**
     * While working on a few fixtures, {@code -Dpreflight.oracle.only=alb-subnets,evaluator/modules} runs the
     * Terraform-backed tests on the fixture directories whose path contains one of the given parts; unset, all.
     */
    private static boolean selected(Path dir) {
        String only = System.getProperty("preflight.oracle.only", "");
        if (only.isBlank()) {
            return true;
        }
        for (String part : only.split(",")) {
            if (!part.isBlank() && dir.toString().contains(part.trim())) {
                return true;
            }
        }
        return false;
    }

    /** Directories that opted out, for the record. */
    static List<Path> optedOutDirectories() {
        return Files.isDirectory(ROOT) ? terraformDirectories().stream().filter(TerraformFixtures::optedOut).toList()
                : List.of();
    }

    private static boolean optedOut(Path dir) {
        if (dir.startsWith(PARSER_CORPUS)) {
            return true;
        }
        for (Path d = dir; d != null && d.startsWith(ROOT); d = d.getParent()) {
            if (Files.exists(d.resolve(OPT_OUT))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> terraformDirectories() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isDirectory)
                    .filter(d -> !d.toString().contains(".terraform"))
                    .map(Path::normalize)
                    .filter(d -> !tfFiles(d).isEmpty())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> tfFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".tf"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
