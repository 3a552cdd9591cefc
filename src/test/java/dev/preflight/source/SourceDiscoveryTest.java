package dev.preflight.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files discovery finds: tools' folders are left out, the user's own folders (hidden or not) are not. */
class SourceDiscoveryTest {
    private static final String TF = "resource \"aws_vpc\" \"v\" {}\n";
    private static final String TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  V:\n"
            + "    Type: AWS::EC2::VPC\n";

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<String> found(Path... roots) {
        List<String> names = new ArrayList<>();
        for (DiscoveredFile f : new SourceDiscovery().discover(List.of(roots)).files()) {
            names.add(dir.relativize(f.path()).toString().replace('\\', '/'));
        }
        return names;
    }

    @Test
    void toolsFoldersAreLeftOutWithTheirReason() throws IOException {
        write("main.tf", TF);
        write(".terraform/modules/vpc/main.tf", TF);
        write(".terragrunt-cache/abc/def/main.tf", TF);
        write(".serverless/cloudformation-template-update-stack.json", "{\"AWSTemplateFormatVersion\": \"x\"}");
        write(".aws-sam/build/template.yaml", TEMPLATE);
        write(".cdk.staging/asset/template.yaml", TEMPLATE);
        write("node_modules/pkg/main.tf", TF);
        write(".venv/pyvenv.cfg", "home = /usr/bin\n");
        write(".venv/lib/site-packages/tool/data/template.yaml", TEMPLATE);
        write("cdk.out/manifest.json", "{\"version\": \"36.0.0\"}");
        write("cdk.out/App.template.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}}");
        write("cdk.out/asset.0123abcd/template.yaml", TEMPLATE);
        assertEquals(List.of("cdk.out/App.template.json", "main.tf"), found(dir));
        SourceDiscovery.Result result = new SourceDiscovery().discover(List.of(dir));
        List<String> skipped = new ArrayList<>();
        for (Skipped s : result.skipped()) {
            skipped.add(dir.relativize(Path.of(s.path())).toString().replace('\\', '/'));
            assertTrue(s.reason().startsWith("a tool's folder, not your code: "), s.reason());
        }
        assertEquals(List.of(".aws-sam", ".cdk.staging", ".serverless", ".terraform", ".terragrunt-cache", ".venv",
                "cdk.out/asset.0123abcd", "node_modules"), skipped.stream().sorted().toList());
    }

    @Test
    void hiddenFoldersTheUserWroteAreScanned() throws IOException {
        write(".deploy/prod/network.yaml", TEMPLATE);
        write(".env/staging/main.tf", TF);
        write("assets/asset.logo/template.yaml", TEMPLATE); // asset.* outside a cloud assembly is the user's
        assertEquals(List.of(".deploy/prod/network.yaml", ".env/staging/main.tf", "assets/asset.logo/template.yaml"),
                found(dir));
    }

    @Test
    void aToolsFolderNamedOnTheCommandLineIsScanned() throws IOException {
        write(".aws-sam/build/template.yaml", TEMPLATE);
        write(".terragrunt-cache/abc/def/main.tf", TF);
        assertEquals(List.of(".aws-sam/build/template.yaml"), found(dir.resolve(".aws-sam")));
        assertEquals(List.of(".terragrunt-cache/abc/def/main.tf"), found(dir.resolve(".terragrunt-cache")));
        assertEquals(List.of(), found(dir));
    }

    @Test
    void templatesOnOneLineAreCandidates() throws IOException {
        write("minified.json", "{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}}}");
        write("package.json", "{\"name\": \"app\", \"dependencies\": {\"aws-cdk-lib\": \"2.150.0\"}}");
        assertEquals(List.of("minified.json"), found(dir));
    }
}
