package dev.preflight.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudFormationLoaderTest {
    private static final Path FIXTURES = Path.of("testdata/parsing/cfn");

    private static LoadResult load(String yaml) {
        return load(yaml, Map.of());
    }

    private static LoadResult load(String yaml, Map<String, String> parameters) {
        return new CloudFormationLoader().load(SourceFile.of("stack.yaml", yaml), parameters);
    }

    private static Resource resource(LoadResult result, String logicalId) {
        return result.resources().stream().filter(r -> r.address().equals(logicalId)).findFirst().orElseThrow();
    }

    private static Value property(LoadResult result, String logicalId, String path) {
        return resource(result, logicalId).property(path).orElseThrow();
    }

    private static String at(Span span) {
        return span.line() + ":" + span.column() + "-" + span.endLine() + ":" + span.endColumn();
    }

    private static String problems(LoadResult result) {
        return result.problems().stream().map(p -> at(p.where()) + " " + p.message())
                .collect(Collectors.joining("\n"));
    }

    private static String str(Value v) {
        return assertInstanceOf(Value.Str.class, v).value();
    }

    @Test
    void resourcesHaveIdTypeKindFormatAndTheSpanOfTheirEntry() {
        LoadResult result = load("""
                Resources:
                  Net:
                    Type: AWS::EC2::Subnet
                    Properties:
                      CidrBlock: 10.0.1.0/24
                  Other:
                    Type: Custom::Thing
                """);
        assertEquals("", problems(result));
        Resource net = resource(result, "Net");
        assertEquals(new ResourceId("stack.yaml", "Net"), net.id());
        assertEquals("AWS::EC2::Subnet", net.type());
        assertEquals(Kind.SUBNET, net.kind());
        assertEquals(Format.CLOUDFORMATION, net.format());
        assertEquals("2:3-5:29", at(net.span()));
        Value cidr = net.property("CidrBlock").orElseThrow();
        assertEquals("10.0.1.0/24", str(cidr));
        assertEquals("5:18-5:29", at(cidr.span()));
        assertEquals(Kind.OTHER, resource(result, "Other").kind());
    }

    @Test
    void parametersTakeDefaultsUserValuesOrStayUnknownAndPointAtTheUseSite() {
        String template = """
                Parameters:
                  Env: {Type: String, Default: dev}
                  Size: {Type: Number, Default: 3}
                  Key: {Type: String}
                  Subnets: {Type: CommaDelimitedList, Default: 'a, b,c'}
                  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/ami}
                Resources:
                  R:
                    Type: AWS::S3::Bucket
                    Properties:
                      Env: !Ref Env
                      Size: !Ref Size
                      Key: !Ref Key
                      Subnets: !Ref Subnets
                      Ami: !Ref Ami
                """;
        LoadResult defaults = load(template);
        assertEquals("", problems(defaults));
        Value env = property(defaults, "R", "Env");
        assertEquals("dev", str(env));
        assertEquals("11:12-11:20", at(env.span()));
        assertEquals("3", str(property(defaults, "R", "Size")));
        Value key = property(defaults, "R", "Key");
        assertEquals(new Value.Unknown("parameter Key has no default", key.span()), key);
        assertEquals("13:12-13:20", at(key.span()));
        Value.ListValue subnets = assertInstanceOf(Value.ListValue.class, property(defaults, "R", "Subnets"));
        assertEquals(List.of("a", "b", "c"), subnets.items().stream().map(CloudFormationLoaderTest::str).toList());
        assertTrue(((Value.Unknown) property(defaults, "R", "Ami")).reason().contains("SSM Parameter Store"));

        LoadResult given = load(template, Map.of("Env", "prod", "Key", "k1", "Ami", "ami-123"));
        assertEquals("prod", str(property(given, "R", "Env")));
        assertEquals("k1", str(property(given, "R", "Key")));
        assertInstanceOf(Value.Unknown.class, property(given, "R", "Ami"));
    }

    @Test
    void pseudoParametersAreUnknownUnlessGivenAndNoValueIsNull() {
        String template = """
                Resources:
                  R:
                    Type: AWS::S3::Bucket
                    Properties:
                      Region: !Ref AWS::Region
                      Account: !Ref AWS::AccountId
                      Partition: !Ref AWS::Partition
                      Nothing: !Ref AWS::NoValue
                """;
        LoadResult unknown = load(template);
        Value.Unknown region = assertInstanceOf(Value.Unknown.class, property(unknown, "R", "Region"));
        assertTrue(region.reason().contains("AWS::Region"), region.reason());
        assertEquals("5:15-5:31", at(region.span()));
        assertInstanceOf(Value.Unknown.class, property(unknown, "R", "Account"));
        assertInstanceOf(Value.Null.class, property(unknown, "R", "Nothing"));

        LoadResult given = load(template, Map.of("AWS::Region", "cn-north-1"));
        assertEquals("cn-north-1", str(property(given, "R", "Region")));
        assertEquals("aws-cn", str(property(given, "R", "Partition")));
    }

    @Test
    void refAndGetAttToResourcesAreReferencesAndDependsOnMakesEdges() {
        LoadResult result = load("""
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                  Subnet:
                    Type: AWS::EC2::Subnet
                    DependsOn: Gateway
                    Properties:
                      VpcId: !Ref Vpc
                      Cidr: !GetAtt Vpc.CidrBlock
                      Ipv6: {"Fn::GetAtt": [Vpc, Ipv6CidrBlocks]}
                  Gateway:
                    Type: AWS::EC2::InternetGateway
                """);
        assertEquals("", problems(result));
        ResourceId vpc = new ResourceId("stack.yaml", "Vpc");
        Value.Ref ref = assertInstanceOf(Value.Ref.class, property(result, "Subnet", "VpcId"));
        assertEquals(new Value.Ref(vpc, List.of(), ref.span()), ref);
        assertEquals(Value.Ref.REF, ref.attributeName());
        assertEquals("8:14-8:22", at(ref.span()));
        assertEquals(List.of("CidrBlock"), ((Value.Ref) property(result, "Subnet", "Cidr")).attribute());
        assertEquals(List.of("Ipv6CidrBlocks"), ((Value.Ref) property(result, "Subnet", "Ipv6")).attribute());

        ResourceGraph graph = new ResourceGraph(result.resources());
        List<String> edges = graph.outgoing(resource(result, "Subnet")).stream()
                .map(e -> e.propertyPath() + "->" + e.to().address()).toList();
        assertTrue(edges.contains("$DependsOn[0]->Gateway"), edges.toString());
        assertTrue(edges.contains("VpcId->Vpc"), edges.toString());
    }

    @Test
    void subJoinSelectAndSplitAreEvaluatedWhereKnown() {
        LoadResult result = load("""
                Parameters:
                  Env: {Type: String, Default: prod}
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                  R:
                    Type: AWS::S3::Bucket
                    Properties:
                      Known: !Sub '${Env}-${!Literal}-x'
                      WithVars: !Sub ['${A}/${Env}', {A: !Join [':', [a, b]]}]
                      Partial: !Sub 'arn:${AWS::Partition}:sqs:${Q.Arn}/${Q}'
                      Joined: !Join ['-', [!Ref Env, !Ref Q, z]]
                      Selected: !Select [1, [a, !Ref Q, c]]
                      Split: !Split [',', 'a,b,,c']
                      SelectSplit: !Select ['2', !Split [',', 'a,b,c']]
                """);
        assertEquals("", problems(result));
        assertEquals("prod-${Literal}-x", str(property(result, "R", "Known")));
        assertEquals("a:b/prod", str(property(result, "R", "WithVars")));
        Value.Template partial = assertInstanceOf(Value.Template.class, property(result, "R", "Partial"));
        assertEquals(6, partial.parts().size(), partial.toString());
        assertEquals("arn:", str(partial.parts().get(0)));
        assertInstanceOf(Value.Unknown.class, partial.parts().get(1));
        assertEquals(":sqs:", str(partial.parts().get(2)));
        assertEquals(List.of("Arn"), ((Value.Ref) partial.parts().get(3)).attribute());
        assertEquals(List.of(), ((Value.Ref) partial.parts().get(5)).attribute());
        Value.Template joined = assertInstanceOf(Value.Template.class, property(result, "R", "Joined"));
        assertEquals("prod-", joined.knownPrefix());
        assertEquals("-z", joined.knownSuffix());
        Value.Ref selected = assertInstanceOf(Value.Ref.class, property(result, "R", "Selected"));
        assertEquals("Q", selected.target().address());
        assertEquals("13:17-13:44", at(selected.span()));
        Value.ListValue split = assertInstanceOf(Value.ListValue.class, property(result, "R", "Split"));
        assertEquals(List.of("a", "b", "", "c"), split.items().stream().map(CloudFormationLoaderTest::str).toList());
        assertEquals("c", str(property(result, "R", "SelectSplit")));
    }

    @Test
    void conditionsDecideIfAndWhetherResourcesExist() {
        String template = """
                Parameters:
                  Env: {Type: String, Default: dev}
                  Unset: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsDev: !Not [!Condition IsProd]
                  Both: !And [!Condition IsDev, {Condition: IsDev}]
                  Either: !Or [!Condition IsProd, !Equals [!Ref Unset, x]]
                  Unknown: !Equals [!Ref Unset, x]
                Resources:
                  ProdOnly:
                    Type: AWS::S3::Bucket
                    Condition: IsProd
                  Maybe:
                    Type: AWS::S3::Bucket
                    Condition: Unknown
                  R:
                    Type: AWS::S3::Bucket
                    Properties:
                      Size: !If [IsProd, large, small]
                      Both: !If [Both, yes, no]
                      Either: !If [Either, a, b]
                      Same: !If [Unknown, same, same]
                """;
        LoadResult dev = load(template);
        assertEquals("", problems(dev));
        assertEquals(List.of("Maybe", "R"), dev.resources().stream().map(Resource::address).toList());
        assertEquals("small", str(property(dev, "R", "Size")));
        assertEquals("yes", str(property(dev, "R", "Both")));
        Value.Unknown either = assertInstanceOf(Value.Unknown.class, property(dev, "R", "Either"));
        assertTrue(either.reason().contains("condition Either"), either.reason());
        assertEquals("same", str(property(dev, "R", "Same")));
        assertEquals("Unknown", str(property(dev, "Maybe", "$Condition")));

        LoadResult prod = load(template, Map.of("Env", "prod"));
        assertEquals(List.of("ProdOnly", "Maybe", "R"), prod.resources().stream().map(Resource::address).toList());
        assertEquals("large", str(property(prod, "R", "Size")));
        assertEquals("a", str(property(prod, "R", "Either")));
    }

    @Test
    void propertiesChosenByAnUnknownConditionKeepWhatBothBranchesAgreeOn() {
        LoadResult result = load("""
                Parameters:
                  Unset: {Type: String}
                Conditions:
                  C: !Equals [!Ref Unset, x]
                Resources:
                  I:
                    Type: AWS::EC2::Instance
                    Properties:
                      Fn::If:
                        - C
                        - {ImageId: ami-1, InstanceType: t3.micro}
                        - {ImageId: ami-1, InstanceType: m5.large}
                """);
        assertEquals("", problems(result));
        assertEquals("ami-1", str(property(result, "I", "ImageId")));
        assertInstanceOf(Value.Unknown.class, property(result, "I", "InstanceType"));
    }

    @Test
    void findInMapBase64CidrAndTheAlwaysUnknownFunctions() {
        LoadResult result = load("""
                Mappings:
                  Amis:
                    us-east-1: {Id: ami-1, Arch: x86}
                    eu-west-1: {Id: ami-2, Arch: x86}
                Resources:
                  R:
                    Type: AWS::EC2::Instance
                    Properties:
                      Known: !FindInMap [Amis, eu-west-1, Id]
                      ByRegion: !FindInMap [Amis, !Ref AWS::Region, Id]
                      Agreed: !FindInMap [Amis, !Ref AWS::Region, Arch]
                      Encoded: !Base64 'hi'
                      Blocks: !Cidr [10.0.0.0/16, 3, 8]
                      Zones: !GetAZs ''
                      Imported: !ImportValue other-stack-vpc
                """);
        assertEquals("", problems(result));
        assertEquals("ami-2", str(property(result, "R", "Known")));
        assertInstanceOf(Value.Unknown.class, property(result, "R", "ByRegion"));
        assertEquals("x86", str(property(result, "R", "Agreed")));
        assertEquals("aGk=", str(property(result, "R", "Encoded")));
        Value.ListValue blocks = assertInstanceOf(Value.ListValue.class, property(result, "R", "Blocks"));
        assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"),
                blocks.items().stream().map(CloudFormationLoaderTest::str).toList());
        assertInstanceOf(Value.Unknown.class, property(result, "R", "Zones"));
        assertEquals(new Value.Unknown("imported from another stack: no template of this scan exports"
                + " 'other-stack-vpc'", property(result, "R", "Imported").span()), property(result, "R", "Imported"));
    }

    @Test
    void plainNumbersAndBooleansAreTypedQuotedOnesAndYaml11WordsAreText() {
        LoadResult result = load("""
                Resources:
                  R:
                    Type: AWS::EC2::Instance
                    Properties:
                      Count: 2
                      Quoted: '2'
                      Enabled: true
                      Yes: yes
                      Mode: 0777
                """);
        assertEquals(new BigDecimal("2"), ((Value.Num) property(result, "R", "Count")).value());
        assertEquals("2", str(property(result, "R", "Quoted")));
        assertEquals(true, ((Value.Bool) property(result, "R", "Enabled")).value());
        assertEquals("yes", str(property(result, "R", "Yes")));
        assertEquals("0777", str(property(result, "R", "Mode")));
    }

    @Test
    void undefinedNamesAreProblemsUnlessAMacroMayDefineThem() {
        String body = """
                Resources:
                  R:
                    Type: AWS::S3::Bucket
                    DependsOn: Ghost
                    Condition: NoSuchCondition
                    Properties:
                      A: !Ref Missing
                      B: !GetAtt Nowhere.Arn
                      C: !Sub '${Absent}'
                """;
        String reported = problems(load(body));
        assertTrue(reported.contains("7:15-7:22 Ref to 'Missing'"), reported);
        assertTrue(reported.contains("GetAtt of 'Nowhere'"), reported);
        assertTrue(reported.contains("'${Absent}'"), reported);
        assertTrue(reported.contains("DependsOn names 'Ghost'"), reported);
        assertTrue(reported.contains("condition 'NoSuchCondition' is not defined"), reported);
        assertEquals("", problems(load("Transform: AWS::Serverless-2016-10-31\n" + body)));
    }

    @Test
    void malformedFunctionsAreProblemsAndUnknowns() {
        LoadResult result = load("""
                Resources:
                  R:
                    Type: AWS::S3::Bucket
                    Properties:
                      A: !Join [only-one]
                      B: {"Fn::Bogus": 1}
                      C: !Select [x, [a]]
                """);
        String reported = problems(result);
        assertTrue(reported.contains("5:10-5:26 Fn::Join expects [delimiter, [values]]"), reported);
        assertTrue(reported.contains("6:11-6:22 'Fn::Bogus' is not a CloudFormation intrinsic function"), reported);
        assertTrue(reported.contains("Fn::Select expects a number as index"), reported);
        assertInstanceOf(Value.Unknown.class, property(result, "R", "A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "just a scalar", "Resources:\n  A:\n    Type: [", "{\"Resources\": ",
        "Resources: 5", "Resources:\n  A: 1\n  B:\n    Properties: {}", "AWSTemplateFormatVersion: x",
        "!Ref X", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: [1]", "- - - -", "{]",
        "Resources:\n  A: !If\n", "Conditions:\n  A: !Condition A\nResources:\n  R:\n    Type: T\n    Condition: A"})
    void hostileOrBrokenInputGivesProblemsNeverExceptions(String text) {
        LoadResult result = load(text);
        assertFalse(result.problems().isEmpty(), "expected a problem for: " + text);
        for (Problem p : result.problems()) {
            assertFalse(p.message().contains("internal error"), p.message());
        }
    }

    @Test
    void yamlAndJsonFixturesLoadToTheSameValues() throws IOException {
        LoadResult yaml = loadFixture("intrinsics.yaml");
        LoadResult json = loadFixture("intrinsics.json");
        assertEquals("", problems(yaml));
        assertEquals("", problems(json));
        assertEquals(List.of("Vpc", "Subnet", "Instance"), yaml.resources().stream().map(Resource::address).toList());
        assertEquals(yaml.resources().size(), json.resources().size());
        for (int i = 0; i < yaml.resources().size(); i++) {
            Resource y = yaml.resources().get(i);
            Resource j = json.resources().get(i);
            assertEquals(y.type(), j.type());
            assertEquals(withoutSpans(y.properties()), withoutSpans(j.properties()), y.address());
        }
        // the VPC's CIDR is read through !GetAtt: a reference, which the loader does not follow
        assertInstanceOf(Value.Unknown.class, property(yaml, "Subnet", "CidrBlock"));
        assertEquals("prod-m5.large", str(resource(yaml, "Subnet").properties().get("Tags")
                .map(t -> ((Value.ListValue) t).items().get(1)).map(m -> ((Value.MapValue) m).get("Value")
                        .orElseThrow()).orElseThrow()));
        assertEquals("m5.large", str(property(yaml, "Instance", "InstanceType")));
        assertEquals("subnet-b", str(property(yaml, "Instance", "SubnetId")));
        assertInstanceOf(Value.Null.class, property(json, "Instance", "Placement"));
    }

    /** The value as text without spans or scopes, which differ between the two fixture files by design. */
    private static String withoutSpans(Value v) {
        return v.toString().replaceAll("span=[^,\\]]*", "").replaceAll("scope=[^,\\]]*", "");
    }

    private static LoadResult loadFixture(String name) throws IOException {
        Path file = FIXTURES.resolve(name);
        return new CloudFormationLoader().load(new SourceFile(file, name, Files.readString(file)), Map.of());
    }

    @Test
    void loadsInParallelWithoutSharedState() throws Exception {
        String yaml = Files.readString(FIXTURES.resolve("intrinsics.yaml"));
        CloudFormationLoader loader = new CloudFormationLoader();
        List<Optional<String>> outcomes = java.util.stream.IntStream.range(0, 64).parallel()
                .mapToObj(i -> loader.load(SourceFile.of("s" + i + ".yaml", yaml), Map.of()))
                .map(r -> r.problems().isEmpty() && r.resources().size() == 3 ? Optional.<String>empty()
                        : Optional.of(r.problems().toString()))
                .toList();
        assertTrue(outcomes.stream().allMatch(Optional::isEmpty), outcomes.toString());
    }
}
