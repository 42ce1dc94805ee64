package dev.backstage4j.scaffolder.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.scaffolder.Action;
import dev.backstage4j.scaffolder.ScaffolderClient;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

public class TemplateDefinitionTest {

  public static TemplateDefinition helloWorld() {
    return TemplateDefinition.builder()
        .name("hello-world").title("Hello World").description("Written in Java").tags("java", "test")
        .owner("group:platform-team").type("service")
        .page(ParameterPage.builder("Basics")
            .property("name", Parameter.string().title("Name").description("Component name")
                .pattern("^[a-z0-9-]+$").uiAutofocus())
            .property("owner", Parameter.string().title("Owner").uiField("OwnerPicker")
                .uiOption("catalogFilter", Map.of("kind", "Group")))
            .required("name"))
        .page(ParameterPage.builder("Timing")
            .property("waitSeconds", Parameter.integer().title("Seconds").defaultValue(1).minimum(0).maximum(600))
            .property("verbose", Parameter.bool().defaultValue(false)))
        .step(TemplateStep.builder("fetch", "fetch:template").name("Render skeleton")
            .input("url", "./skeleton")
            .input("values", Map.of("name", "${{ parameters.name }}", "owner", "${{ parameters.owner }}")))
        .step(TemplateStep.builder("log", "debug:log").name("Log")
            .condition("${{ parameters.verbose }}")
            .input("message", "Hello, ${{ parameters.name }}!").input("listWorkspace", true))
        .step(TemplateStep.builder("wait", "debug:wait").name("Wait")
            .input("seconds", "${{ parameters.waitSeconds }}"))
        .outputLink("Example", "https://example.com/${{ parameters.name }}")
        .outputText("Greeting", "Created ${{ parameters.name }} owned by ${{ parameters.owner }}")
        .build();
  }

  static List<Action> realActions() throws Exception {
    try (InputStream in = TemplateDefinitionTest.class.getResourceAsStream(
        "/fixtures/scaffolder/get-actions/list.json")) {
      JsonNode body = new ObjectMapper().readTree(in).at("/response/body");
      List<Action> actions = new ArrayList<>();
      for (JsonNode a : body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = new ObjectMapper().convertValue(a.at("/schema/input"), Map.class);
        actions.add(Action.of(a.get("id").asText(), schema == null ? Map.of() : schema));
      }
      return actions;
    }
  }

  @Test
  void builder_writesValidTemplateYaml_thatRoundTrips() throws Exception {
    TemplateDefinition t = helloWorld();
    TemplateValidator.offline().check(t);
    TemplateValidator.withActions(realActions()).check(t);

    String yaml = t.toYaml();
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = new YAMLMapper().readValue(yaml, Map.class);
    assertEquals(t.toMap(), parsed, yaml);
    assertEquals(yaml, helloWorld().toYaml(), "deterministic");
    assertTrue(yaml.startsWith("apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n"), yaml);
    assertTrue(yaml.contains("ui:field: OwnerPicker"), yaml);

    Entity entity = t.toEntity();
    assertEquals("Template", entity.kind());
    assertEquals("template:default/hello-world", entity.ref().toString());
    assertEquals("service", entity.spec().get("type"));
  }

  @Test
  void builder_isCheckedAgainstTheServersActions() throws Exception {
    MockWebServer server = new MockWebServer();
    try (InputStream in = getClass().getResourceAsStream("/fixtures/scaffolder/get-actions/list.json")) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody(new ObjectMapper().readTree(in).at("/response/body").toString()));
      server.start();
      ScaffolderClient client = ScaffolderClient.builder().baseUrl(server.url("/").uri()).build();
      assertEquals(List.of(), TemplateValidator.forServer(client).validate(helloWorld()));
      assertEquals("/api/scaffolder/v2/actions", server.takeRequest().getPath());
    } finally {
      server.shutdown();
    }
  }

  private static List<String> problems(TemplateValidator validator, TemplateDefinition t) {
    return validator.validate(t).stream().map(TemplateProblem::toString).collect(Collectors.toList());
  }

  @Test
  void references_toUndeclaredParametersAndLaterSteps_areReported() {
    TemplateDefinition t = TemplateDefinition.builder().name("bad").type("service")
        .page(ParameterPage.builder("P").property("name", Parameter.string()).required("name", "nmae"))
        .step(TemplateStep.builder("fetch", "fetch:template")
            .input("url", "${{ steps.publish.output.remoteUrl }}")
            .input("values", Map.of("x", "${{ parameters.nam }}")))
        .step(TemplateStep.builder("publish", "debug:log").input("message", "${{ steps['fetch'].output.x }}"))
        .step(TemplateStep.builder("publish", "debug:log").condition("${{ steps.ghost.output.ok }}"))
        .outputLink("Repo", "${{ steps.publish.output.remoteUrl }}")
        .build();
    List<String> problems = problems(TemplateValidator.offline(), t);
    assertEquals(List.of(
        "spec.parameters[0] (P).required: names 'nmae', which is not a property of this page",
        "spec.steps[0] (fetch).input.url: refers to step 'publish', which has not run yet at this point",
        "spec.steps[0] (fetch).input.values.x: refers to parameters.nam, which no parameter page declares",
        "spec.steps[2] (publish).id: duplicates the id of spec.steps[1]",
        "spec.steps[2] (publish).if: refers to step 'ghost', which does not exist"), problems);
    TemplateValidationException e = assertThrows(TemplateValidationException.class,
        () -> TemplateValidator.offline().check(t));
    assertEquals(5, e.problems().size());
    assertTrue(e.getMessage().contains("spec.steps[0] (fetch).input.url"), e.getMessage());
  }

  @Test
  void stepInputs_areCheckedAgainstActionSchemas() throws Exception {
    TemplateDefinition t = TemplateDefinition.builder().name("bad-inputs").type("service")
        .page(ParameterPage.builder("P").property("secs", Parameter.integer()))
        .step(TemplateStep.builder("wait", "debug:wait").input("seconds", "five").input("hours", 1))
        .step(TemplateStep.builder("wait2", "debug:wait").input("seconds", "${{ parameters.secs }}"))
        .step(TemplateStep.builder("fetch", "fetch:template").input("values", Map.of()))
        .step(TemplateStep.builder("pub", "publish:github").input("repoUrl", "x"))
        .build();
    List<String> problems = problems(TemplateValidator.withActions(realActions()), t);
    assertTrue(problems.contains("spec.steps[0] (wait).input.seconds: must be number, was a string (action "
        + "debug:wait)"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("spec.steps[0] (wait).input.hours: is not an input of "
        + "action debug:wait")), problems.toString());
    assertTrue(problems.contains("spec.steps[2] (fetch).input.url: is required by action fetch:template"),
        problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("spec.steps[3] (pub).action: 'publish:github' is not "
        + "installed")), problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("wait2")), "a whole expression takes any type");
  }

  @Test
  void entityShape_isChecked() {
    Map<String, Object> old = Map.of("apiVersion", "backstage.io/v1beta2", "kind", "Template",
        "metadata", Map.of("name", "old"), "spec", Map.of("steps", List.of()));
    List<String> problems = TemplateValidator.offline().validate(old).stream().map(TemplateProblem::location)
        .collect(Collectors.toList());
    assertEquals(List.of("apiVersion", "spec.type", "spec.steps"), problems);
  }

  @Test
  void builder_failsFastOnMissingFields() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TemplateDefinition.builder().name("x").build());
    assertTrue(e.getMessage().contains("spec.type"), e.getMessage());
  }
}
