package dev.preflight.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Values;
import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.source.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SAM's Globals are merged into each serverless resource the way the transform merges them. */
class SamGlobalsTest {
    private static final String GLOBALS = """
            Globals:
              Function:
                Runtime: python3.9
                Environment:
                  Variables:
                    STAGE: prod
                    LOG_LEVEL: info
                Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:shared:1]
            Resources:
              Inherits:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
              Overrides:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Environment:
                    Variables:
                      LOG_LEVEL: debug
                  Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:own:2]
              NoProperties:
                Type: AWS::Serverless::Function
              IgnoresRuntime:
                Type: AWS::Serverless::Function
                IgnoreGlobals: [Runtime]
                Properties:
                  Handler: app.handler
              IgnoresAll:
                Type: AWS::Serverless::Function
                IgnoreGlobals: "*"
                Properties:
                  Handler: app.handler
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
            """;

    private static Resource resource(String template, String logicalId) {
        LoadResult result = new CloudFormationLoader().load(SourceFile.of("sam.yaml", template), Map.of());
        return result.resources().stream().filter(r -> r.address().equals(logicalId)).findFirst().orElseThrow();
    }

    private static String text(Resource r, String path) {
        return r.property(path).map(Values::show).orElse("(absent)");
    }

    @Test
    void aResourceInheritsWhatItDoesNotSetWithTheSpanOfTheGlobal() {
        Resource r = resource("Transform: AWS::Serverless-2016-10-31\n" + GLOBALS, "Inherits");
        assertEquals("python3.9", text(r, "Runtime"));
        assertEquals(4, r.property("Runtime").orElseThrow().span().line(), "the span is the line in Globals");
        assertEquals("prod", text(r, "Environment.Variables.STAGE"));
        assertEquals("app.handler", text(r, "Handler"));
        assertEquals("python3.9", text(resource("Transform: AWS::Serverless-2016-10-31\n" + GLOBALS,
                "NoProperties"), "Runtime"));
    }

    @Test
    void ownScalarsWinMapsMergeAndListsAppend() {
        Resource r = resource("Transform: [AWS::Serverless-2016-10-31]\n" + GLOBALS, "Overrides");
        assertEquals("python3.13", text(r, "Runtime"));
        assertEquals("debug", text(r, "Environment.Variables.LOG_LEVEL"));
        assertEquals("prod", text(r, "Environment.Variables.STAGE"));
        String layers = text(r, "Layers");
        assertTrue(layers.indexOf("shared") >= 0 && layers.indexOf("shared") < layers.indexOf("own"), layers);
    }

    @Test
    void ignoreGlobalsOptsAResourceOutWhollyOrInPart() {
        String template = "Transform: AWS::Serverless-2016-10-31\n" + GLOBALS;
        Resource some = resource(template, "IgnoresRuntime");
        assertEquals("(absent)", text(some, "Runtime"));
        assertEquals("prod", text(some, "Environment.Variables.STAGE"));
        Resource all = resource(template, "IgnoresAll");
        assertEquals("(absent)", text(all, "Runtime"));
        assertEquals("(absent)", text(all, "Environment"));
    }

    @Test
    void onlyServerlessResourcesUnderTheSamTransformInherit() {
        assertEquals("(absent)", text(resource("Transform: AWS::Serverless-2016-10-31\n" + GLOBALS, "Plain"),
                "Runtime"));
        assertEquals("(absent)", text(resource(GLOBALS, "Inherits"), "Runtime"));
    }
}
