package dev.preflight.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.SourceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates loaded together: nested stacks with local templates below their parent, with the parent's values, and
 * imports of names another template exports. Every case that cannot be resolved stays unknown and never throws.
 */
class StackSetTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceFile read(Path p) {
        try {
            return SourceReader.read(p, dir.relativize(p).toString().replace('\\', '/'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the named files as a scan's inputs; templates they nest but that are not named are read from disk. */
    private StackSetLoad load(Map<String, String> parameters, String... inputs) {
        List<TemplateInput> parsed = new ArrayList<>();
        for (String name : inputs) {
            parsed.add(TemplateInput.parse(read(dir.resolve(name))));
        }
        return new CloudFormationLoader().loadAll(parsed, parameters,
                (path, problems) -> Files.exists(path) ? Optional.of(read(path)) : Optional.empty());
    }

    private StackSetLoad load(String... inputs) {
        return load(Map.of(), inputs);
    }

    private static Resource resource(StackSetLoad load, String address) {
        return load.resources().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not in " + addresses(load)));
    }

    private static List<String> addresses(StackSetLoad load) {
        return load.resources().stream().map(r -> r.id().scope() + ":" + r.address()).sorted().toList();
    }

    private static Value property(StackSetLoad load, String address, String path) {
        return resource(load, address).property(path).orElseThrow();
    }

    private static String str(Value v) {
        return assertInstanceOf(Value.Str.class, v).value();
    }

    private static final String CHILD = """
            Parameters:
              Name:
                Type: String
                Default: from-default
              Subnets:
                Type: CommaDelimitedList
                Default: subnet-default
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref Name
                  Tags:
                    - Key: subnets
                      Value: !Ref Subnets
            Outputs:
              QueueName:
                Value: !Ref Name
              QueueArn:
                Value: !GetAtt Queue.Arn
              Never:
                Condition: No
                Value: x
            Conditions:
              No: !Equals [a, b]
            """;

    @Test
    void aNestedTemplateIsLoadedOnlyBelowItsParentWithTheParentsValues() {
        write("parent.yaml", """
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./stacks/child.yaml
                      Parameters:
                        Name: from-parent
                        Subnets: !Join [", ", [!Ref A, !Ref B, subnet-literal]]
                  A:
                    Type: AWS::EC2::Subnet
                  B:
                    Type: AWS::EC2::Subnet
                  User:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt Child.Outputs.QueueName
                      DisplayName: !Sub "${Child.Outputs.QueueName}-topic"
                """);
        write("stacks/child.yaml", CHILD);
        StackSetLoad load = load("stacks/child.yaml", "parent.yaml");
        assertEquals(List.of("parent.yaml:A", "parent.yaml:B", "parent.yaml:Child", "parent.yaml:Child.Queue",
                "parent.yaml:User"), addresses(load));
        Resource queue = resource(load, "Child.Queue");
        assertEquals("stacks/child.yaml", queue.file(), "findings stay in the nested template");
        Value name = property(load, "Child.Queue", "QueueName");
        assertEquals("from-parent", str(name));
        assertEquals("stacks/child.yaml", name.span().file());
        Value.ListValue subnets = assertInstanceOf(Value.ListValue.class,
                ((Value.MapValue) ((Value.ListValue) property(load, "Child.Queue", "Tags")).items().get(0))
                        .get("Value").orElseThrow());
        assertEquals(3, subnets.items().size());
        assertEquals(new ResourceId("parent.yaml", "A"), assertInstanceOf(Value.Ref.class,
                subnets.items().get(0)).target());
        assertEquals(new ResourceId("parent.yaml", "B"), assertInstanceOf(Value.Ref.class,
                subnets.items().get(1)).target());
        assertEquals("subnet-literal", str(subnets.items().get(2)));
        assertEquals("stacks/child.yaml", subnets.items().get(0).span().file(), "relocated to the use site");
        Value topic = property(load, "User", "TopicName");
        assertEquals("from-parent", str(topic));
        assertEquals("parent.yaml", topic.span().file());
        assertEquals("from-parent-topic", str(property(load, "User", "DisplayName")));
        assertEquals(List.of(), load.problems());
    }

    @Test
    void aTemplateLoadedAloneBeforeItsParentWasSeenIsJudgedBelowItInstead() {
        write("parent.yaml", """
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                      Parameters: {Name: from-parent}
                """);
        write("child.yaml", CHILD.replace("QueueName: !Ref Name\n", "QueueName: !Ref Name\n"
                + "      DelaySeconds: !Ref Nothing\n"));
        write("other.yaml", CHILD);
        CloudFormationLoader loader = new CloudFormationLoader();
        List<PreparedTemplate> prepared = new ArrayList<>();
        for (String name : List.of("child.yaml", "other.yaml", "parent.yaml")) {
            prepared.add(loader.prepare(read(dir.resolve(name)), Map.of()));
        }
        assertTrue(prepared.get(0).alone() != null, "linked to nothing, it is loaded as soon as it is parsed");
        assertTrue(prepared.get(2).linked() != null, "it nests a local template");
        StackSetLoad load = loader.loadPrepared(prepared, Map.of(), TemplateReader.NONE);
        assertEquals(List.of("other.yaml:Queue", "parent.yaml:Child", "parent.yaml:Child.Queue"), addresses(load));
        assertEquals("from-parent", str(property(load, "Child.Queue", "QueueName")));
        assertEquals(List.of("child.yaml", "other.yaml", "parent.yaml"),
                load.files().stream().map(SourceFile::displayPath).sorted().toList());
        // the nested template's own problem, once, though it was loaded twice
        assertEquals(1, load.problems().stream().filter(p -> p.message().contains("'Nothing'")).count(),
                load.problems()::toString);
    }

    @Test
    void aTemplateNestedByNoTemplateOfTheScanIsJudgedWithItsDefaults() {
        write("stacks/child.yaml", CHILD);
        StackSetLoad load = load("stacks/child.yaml");
        assertEquals("from-default", str(property(load, "Queue", "QueueName")));
    }

    @Test
    void aNestedTemplateOutsideTheInputsIsReadAndReported() {
        write("parent.yaml", """
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: stacks/child.yaml
                """);
        write("stacks/child.yaml", CHILD);
        StackSetLoad load = load("parent.yaml");
        assertEquals("from-default", str(property(load, "Child.Queue", "QueueName")));
        assertEquals(List.of("parent.yaml", "stacks/child.yaml"),
                load.files().stream().map(SourceFile::displayPath).toList());
    }

    @Test
    void aTemplateNestedTwiceIsTwoStacks() {
        write("parent.yaml", """
                Resources:
                  Jobs:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                      Parameters: {Name: jobs}
                  Default:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                      Parameters: {Name: !Ref AWS::NoValue}
                  Mail:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                      Parameters: {Name: mail}
                """);
        write("child.yaml", CHILD);
        StackSetLoad load = load("parent.yaml", "child.yaml");
        assertEquals("jobs", str(property(load, "Jobs.Queue", "QueueName")));
        assertEquals("mail", str(property(load, "Mail.Queue", "QueueName")));
        assertEquals("from-default", str(property(load, "Default.Queue", "QueueName")));
        assertTrue(load.resources().stream().noneMatch(r -> r.address().equals("Queue")), addresses(load)::toString);
    }

    @Test
    void urlsConditionsFalseMissingFilesAndCyclesStayUnknownOrStandAlone() {
        write("parent.yaml", """
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Remote:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: https://s3.amazonaws.com/bucket/child.yaml
                  Off:
                    Type: AWS::CloudFormation::Stack
                    Condition: Never
                    Properties:
                      TemplateURL: child.yaml
                      Parameters: {Name: off}
                  Missing:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./nowhere.yaml
                  Loop:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: loop.yaml
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt Remote.Outputs.Name
                      DisplayName: !GetAtt Missing.Outputs.Name
                """);
        write("child.yaml", CHILD);
        write("loop.yaml", """
                Resources:
                  Back:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: parent.yaml
                """);
        StackSetLoad load = load("parent.yaml", "child.yaml", "loop.yaml");
        // the only parent of child.yaml never deploys it: it is judged on its own
        assertEquals("from-default", str(property(load, "Queue", "QueueName")));
        assertTrue(addresses(load).contains("parent.yaml:Loop.Back"), addresses(load)::toString);
        assertTrue(addresses(load).stream().noneMatch(a -> a.contains("Loop.Back.")), addresses(load)::toString);
        Value remote = property(load, "Topic", "TopicName");
        assertEquals(new ResourceId("parent.yaml", "Remote"), assertInstanceOf(Value.Ref.class, remote).target());
        assertInstanceOf(Value.Ref.class, property(load, "Topic", "DisplayName"));
        assertEquals(List.of(), load.problems());
    }

    @Test
    void outputsThatDoNotExistAreUnknownOrReported() {
        write("parent.yaml", """
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !GetAtt Child.Outputs.Never
                      DisplayName: !GetAtt Child.Outputs.Typo
                """);
        write("child.yaml", CHILD);
        StackSetLoad load = load("parent.yaml", "child.yaml");
        assertTrue(assertInstanceOf(Value.Unknown.class, property(load, "Topic", "TopicName")).reason()
                .contains("its condition is false"));
        assertEquals(List.of("GetAtt of output 'Typo' of nested stack Child, which its template child.yaml does not"
                + " define"), load.problems().stream().map(Problem::message).toList());
        assertEquals(10, load.problems().get(0).where().line());
    }

    @Test
    void pseudoParametersOfTheStackItselfAreNotPassedDown() {
        write("parent.yaml", """
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                """);
        write("child.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: !Ref AWS::StackName
                      DisplayName: !Ref AWS::Region
                """);
        StackSetLoad load = load(Map.of("AWS::StackName", "web", "AWS::Region", "eu-west-1"), "parent.yaml",
                "child.yaml");
        assertInstanceOf(Value.Unknown.class, property(load, "Child.Topic", "TopicName"));
        assertEquals("eu-west-1", str(property(load, "Child.Topic", "DisplayName")));
    }

    @Test
    void importsReadTheOutputOfTheOneTemplateThatExportsTheName() {
        write("network.yaml", """
                Parameters:
                  Env: {Type: String, Default: prod}
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                Outputs:
                  VpcId:
                    Value: !Ref Vpc
                    Export: {Name: !Sub "${Env}-VpcId"}
                  Cidr:
                    Value: 10.0.0.0/16
                    Export: {Name: !Join [":", [!Ref AWS::StackName, Cidr]]}
                """);
        write("copy-a.yaml", """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                Outputs:
                  Name: {Value: a, Export: {Name: shared-name}}
                """);
        write("copy-b.yaml", """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                Outputs:
                  Name: {Value: b, Export: {Name: shared-name}}
                """);
        write("app.yaml", """
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      VpcId: !ImportValue prod-VpcId
                      GroupName: !ImportValue shared-name
                      GroupDescription: !ImportValue web:Cidr
                """);
        StackSetLoad load = load("network.yaml", "copy-a.yaml", "copy-b.yaml", "app.yaml");
        Value vpc = property(load, "Sg", "VpcId");
        assertEquals(new ResourceId("network.yaml", "Vpc"), assertInstanceOf(Value.Ref.class, vpc).target());
        assertEquals("app.yaml", vpc.span().file());
        assertTrue(assertInstanceOf(Value.Unknown.class, property(load, "Sg", "GroupName")).reason()
                .contains("exported by 2 templates"));
        // the exporting stack's name is not known, so neither is the name it exports
        assertTrue(assertInstanceOf(Value.Unknown.class, property(load, "Sg", "GroupDescription")).reason()
                .contains("no template of this scan exports 'web:Cidr'"));
    }

    @Test
    void importsThatDependOnEachOtherEndUnknown() {
        write("a.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: !ImportValue b-name}
                Outputs:
                  Name: {Value: !ImportValue b-name, Export: {Name: a-name}}
                """);
        write("b.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: !ImportValue a-name}
                Outputs:
                  Name: {Value: !ImportValue a-name, Export: {Name: b-name}}
                """);
        StackSetLoad load = load("a.yaml", "b.yaml");
        assertInstanceOf(Value.Unknown.class, load.resources().get(0).property("QueueName").orElseThrow());
        assertInstanceOf(Value.Unknown.class, load.resources().get(1).property("QueueName").orElseThrow());
    }

    @Test
    void aNestedStackCanExportAndImport() {
        write("root.yaml", """
                Resources:
                  Network:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: network.yaml
                      Parameters: {Cidr: 10.9.0.0/16}
                """);
        write("network.yaml", """
                Parameters:
                  Cidr: {Type: String, Default: 10.0.0.0/16}
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties: {CidrBlock: !Ref Cidr}
                Outputs:
                  Cidr: {Value: !Ref Cidr, Export: {Name: network-cidr}}
                """);
        write("app.yaml", """
                Resources:
                  Rule:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties: {CidrIp: !ImportValue network-cidr}
                """);
        StackSetLoad load = load("app.yaml", "network.yaml", "root.yaml");
        assertEquals("10.9.0.0/16", str(property(load, "Rule", "CidrIp")));
    }

    @Test
    void inputsThatAreNotTemplatesAreSkippedWithTheirReason() {
        write("appspec.yaml", """
                version: 0.0
                Resources:
                  - TargetService:
                      Type: AWS::ECS::Service
                """);
        StackSetLoad load = load("appspec.yaml");
        assertEquals(List.of(), load.resources());
        assertEquals(List.of(), load.problems());
        assertEquals("appspec.yaml", load.skipped().get(0).path());
        assertTrue(load.skipped().get(0).reason().contains("CodeDeploy AppSpec"), load.skipped().toString());
    }
}
