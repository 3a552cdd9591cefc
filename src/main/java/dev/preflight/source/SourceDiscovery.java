package dev.preflight.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the Terraform and CloudFormation files under the given paths, leaving out tools' folders
 * ({@link ToolCaches}). Terraform files are recognised by name; YAML/JSON files are candidates only when their text
 * mentions what a template has ({@code AWSTemplateFormatVersion}, or a {@code Resources} key and an {@code AWS::}
 * type), so CI configs and package.json are never even parsed. This sniff is generous on purpose: whether a
 * candidate really is a template is decided once it is parsed (see the CloudFormation loader's
 * {@code TemplateRecognition}), and one that is not is skipped without an error. A JSON file with
 * {@code format_version} and {@code planned_values}/{@code resource_changes} is a Terraform plan.
 */
public final class SourceDiscovery {
    /** How much of a YAML/JSON file is sniffed to decide whether it is a template. */
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern TEMPLATE_VERSION = Pattern.compile("[\"']?AWSTemplateFormatVersion[\"']?\\s*:");
    /** A Resources key starting a line, or quoted anywhere (JSON written on one line, as tools often do). */
    private static final Pattern RESOURCES_KEY =
            Pattern.compile("(?m)^\\s*[\"']?Resources[\"']?\\s*:|\"Resources\"\\s*:");
    /** A plan from {@code terraform show -json}: its first keys are the format and Terraform versions. */
    private static final Pattern PLAN_FORMAT = Pattern.compile("\"format_version\"\\s*:");
    private static final Pattern PLAN_SECTION = Pattern.compile("\"(planned_values|resource_changes)\"\\s*:");
    private static final Pattern AWS_TYPE = Pattern.compile("[\"']?Type[\"']?\\s*:\\s*[\"']?(AWS|Custom)::");

    /** What to do about a path that does not exist. */
    static final String MISSING_HINT = "Check the path: it is relative to the directory preflight runs in. A wrong "
            + "path must not pass a gate, so this exits with 2.";
    /** What to do about a file named on the command line that is neither Terraform nor CloudFormation. */
    static final String NOT_IAC_HINT = "Name Terraform (.tf, .tf.json, .tfvars) or CloudFormation files, or add "
            + "--skip-unrecognized to skip the others (pre-commit does).";

    private final List<Problem> problems = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    /**
     * Files found, in a stable order; the paths that could not be read; and the folders left out as tools' caches
     * (see {@link ToolCaches}), with why, for {@code --verbose}.
     */
    public record Result(List<DiscoveredFile> files, List<Problem> problems, List<Skipped> skipped) {
        public Result(List<DiscoveredFile> files, List<Problem> problems) {
            this(files, problems, List.of());
        }
    }

    public Result discover(List<Path> roots) {
        Set<Path> seen = new TreeSet<>();
        List<DiscoveredFile> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                problems.add(Problem.input(new Span(root.toString(), 1, 1, 1, 1), "no such file or directory",
                        MISSING_HINT));
                continue;
            }
            if (Files.isRegularFile(root)) {
                InputKind kind = classify(root, true);
                if (kind != null && seen.add(root.normalize())) {
                    files.add(new DiscoveredFile(root.normalize(), kind));
                } else if (kind == null) {
                    problems.add(Problem.input(new Span(root.toString(), 1, 1, 1, 1),
                            "not a Terraform or CloudFormation file", NOT_IAC_HINT));
                }
                continue;
            }
            walk(root, seen, files);
        }
        files.sort((a, b) -> a.path().toString().compareTo(b.path().toString()));
        return new Result(files, List.copyOf(problems), List.copyOf(skipped));
    }

    private void walk(Path root, Set<Path> seen, List<DiscoveredFile> files) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            // the folder named on the command line is scanned whatever its name: that is how a
                            // user asks for a tool's folder
                            String cache = dir.equals(root) ? null : ToolCaches.why(dir);
                            if (cache != null) {
                                skipped.add(new Skipped(dir.toString(), "a tool's folder, not your code: " + cache
                                        + " (name it on the command line to scan it)"));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isSymbolicLink() && isTerraformName(file)) {
                                // a link that could not be followed (broken, or a loop) to a Terraform file: the
                                // user expects it checked, so it must not be skipped in silence
                                problems.add(Problem.input(new Span(file.toString(), 1, 1, 1, 1),
                                        "cannot read: symbolic link whose target is missing or loops",
                                        SourceReader.UNREADABLE_HINT));
                            } else if (attrs.isRegularFile()) {
                                InputKind kind = classify(file, false);
                                if (kind != null && seen.add(file.normalize())) {
                                    files.add(new DiscoveredFile(file.normalize(), kind));
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(Problem.input(new Span(file.toString(), 1, 1, 1, 1),
                                    SourceReader.describe(e), SourceReader.UNREADABLE_HINT));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(Problem.input(new Span(root.toString(), 1, 1, 1, 1), SourceReader.describe(e),
                    SourceReader.UNREADABLE_HINT));
        }
    }

    /**
     * What a file is, or null when it is none of ours. {@code explicit} files (named on the command line) that
     * look like YAML/JSON are still sniffed: a package.json named by hand is not a template either.
     */
    static InputKind classify(Path file, boolean explicit) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tf")) {
            return InputKind.TERRAFORM;
        }
        if (name.endsWith(".tf.json")) {
            return InputKind.TERRAFORM_JSON;
        }
        if (name.equals("terraform.tfvars") || name.endsWith(".auto.tfvars")
                || (explicit && name.endsWith(".tfvars"))) {
            return InputKind.TERRAFORM_VARS;
        }
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        boolean json = name.endsWith(".json");
        boolean template = name.endsWith(".template");
        if (!yaml && !json && !template) {
            return null;
        }
        String head = sniff(file);
        if (head != null && json && looksLikePlan(head)) {
            return InputKind.TERRAFORM_PLAN;
        }
        if (head == null || !looksLikeTemplate(head)) {
            return null;
        }
        if (json || (template && head.stripLeading().startsWith("{"))) {
            return InputKind.CLOUDFORMATION_JSON;
        }
        return InputKind.CLOUDFORMATION_YAML;
    }

    /** Terraform files are known by name alone, so even one that cannot be opened is known to be one. */
    private static boolean isTerraformName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tf") || name.endsWith(".tf.json") || name.endsWith(".tfvars");
    }

    static boolean looksLikeTemplate(String head) {
        return TEMPLATE_VERSION.matcher(head).find()
                || (RESOURCES_KEY.matcher(head).find() && AWS_TYPE.matcher(head).find());
    }

    static boolean looksLikePlan(String head) {
        return head.stripLeading().startsWith("{") && PLAN_FORMAT.matcher(head).find()
                && PLAN_SECTION.matcher(head).find();
    }

    private static String sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = in.readNBytes(SNIFF_BYTES);
            return new String(buf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // unreadable files are reported when they are read for real, by name; here they are just not sniffed
            return null;
        }
    }
}
