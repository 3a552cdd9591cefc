package dev.preflight.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Folders where tools keep copies of code, packages or build output rather than the user's own code. Scanning them
 * reports findings in files nobody edits, often many times over (Terragrunt copies every module it runs into its
 * cache, SAM and the Serverless Framework write a copy of the template they deploy). Discovery skips them below the
 * paths it was given; a folder named on the command line is scanned whatever its name.
 *
 * <p>Other hidden folders are scanned: some teams keep per-environment configuration in one by hand, and a folder
 * is skipped only when a known tool made it, never for its leading dot.
 */
final class ToolCaches {
    /** Folders known by name alone, with what they hold. */
    private static final Map<String, String> BY_NAME = Map.of(
            ".git", "version control data",
            "node_modules", "npm's installed packages",
            ".terraform", "Terraform's downloaded providers and modules (terraform init)",
            ".terragrunt-cache", "Terragrunt's copies of the modules it runs",
            ".serverless", "the Serverless Framework's packaged output (serverless package/deploy)",
            ".aws-sam", "the AWS SAM CLI's build output (sam build)",
            ".cdk.staging", "the AWS CDK's staged copies of asset sources");

    private ToolCaches() {
    }

    /** What tool made {@code dir} and what it holds, or null when it is not a tool's folder. */
    static String why(Path dir) {
        Path fileName = dir.getFileName();
        if (fileName == null) {
            return null;
        }
        String name = fileName.toString();
        String known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        // a cloud assembly (cdk.out, or wherever --output put it) has a manifest.json beside its asset.* folders;
        // its *.template.json files are the templates the CDK deploys and stay scanned
        if (name.startsWith("asset.") && Files.isRegularFile(dir.resolveSibling("manifest.json"))) {
            return "an AWS CDK asset: a copy the cloud assembly stages for upload";
        }
        // a virtual environment is known by the file venv writes into it, whatever it is named
        if (Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
            return "a Python virtual environment's installed packages";
        }
        return null;
    }
}
