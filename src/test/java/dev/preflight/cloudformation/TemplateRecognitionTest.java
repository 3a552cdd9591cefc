package dev.preflight.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.SourceFile;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is a template: what CloudFormation would read as one, parsed or, when it does not parse, declared. */
class TemplateRecognitionTest {
    private static Optional<String> whyNot(String text) {
        return TemplateInput.parse(SourceFile.of("f.yaml", text)).notATemplate();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AWSTemplateFormatVersion: '2010-09-09'\n",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  - not: a mapping\n",
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n",
        "Resources:\n  Q:\n    Type: Custom::Thing\n  R: 5\n",
        "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}",
        // broken, but declared at the top level: their syntax errors are a template's
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n   bad: [\n",
        "\"AWSTemplateFormatVersion\": '2010-09-09'\nResources: {\n",
        "Description: x\nTransform: AWS::Serverless-2016-10-31\n\tResources:\n",
        "Resources:\n  # the queue\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {a: [}\n",
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {,}}",
        // CloudFormation's own dynamic references are not a template engine's markup
        "AWSTemplateFormatVersion: x\nResources:\n  S:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
            + "      MasterUserPassword: '{{resolve:secretsmanager:db}}'\n     Bad: [\n",
        "{\n  \"Description\": \"x\",\n  \"Resources\": {\n    \"Q\": {\"Type\": \"AWS::SQS::Queue\",}\n  }\n}"})
    void templates(String text) {
        assertEquals(Optional.empty(), whyNot(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // CodeDeploy AppSpec: Resources is a list
        "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n",
        // cfn-guard tests: a list of cases embedding templates
        "- name: t\n  input:\n    AWSTemplateFormatVersion: '2010-09-09'\n    Resources: {}\n",
        // a Serverless Framework service: the template is nested under resources
        "service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n",
        // a macro's event payload: the template is under fragment
        "{\"requestId\": 1, \"fragment\": {\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}}",
        // typed entries are what make Resources a template's
        "Resources:\n  cpu: 250m\n  memory: 1Gi\n",
        "Resources: {}\n",
        "just text",
        // broken, and only mentioning template words below the top level
        "data:\n  t.yaml: |\n    AWSTemplateFormatVersion: x\nname: {{ .Values.name }}\n",
        "{{- if .Values.x }}\nAWSTemplateFormatVersion: x\n{{- end }}\n",
        // a Sceptre (Jinja) template of a template: CloudFormation only sees it rendered
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n{% for q in sceptre_user_data.queues %}\n"
            + "  {{ q }}:\n    Type: AWS::SQS::Queue\n{% endfor %}\n",
        "kind: ConfigMap\nResources:\n  - Type: AWS::S3::Bucket\n bad: [\n",
        "[{\"input\": {\"AWSTemplateFormatVersion\": \"2010-09-09\"}}, {,}]",
        "{\"fragment\": {\"AWSTemplateFormatVersion\": \"2010-09-09\"}, ,}"})
    void notTemplates(String text) {
        assertTrue(whyNot(text).isPresent(), text);
        assertTrue(whyNot(text).get().startsWith("not a CloudFormation template: "), whyNot(text).get());
    }
}
