package dev.backstage4j.scaffolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backstage4j.core.BackstageDecodingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Parameter defaults filled in as Backstage's form does (TemplateParameterSchema.withDefaults). */
class FormDefaultsTest {
  @RegisterExtension
  final MockServer mock = new MockServer();

  private static TemplateParameterSchema form(Object parameters) {
    return TemplateParameterSchema.fromTemplate(Map.of("metadata", Map.of("name", "t"),
        "spec", Map.of("parameters", parameters)));
  }

  private static Map<String, Object> page(Map<String, Object> properties, String... required) {
    return Map.of("properties", properties, "required", List.of(required));
  }

  @Test
  void withDefaults_fillsMissingValuesOfEveryPage_andNeverReplacesAGivenOne() {
    TemplateParameterSchema form = form(List.of(
        page(Map.of("name", Map.of("type", "string"), "owner", Map.of("type", "string", "default", "group:web"))),
        page(Map.of("javaPackage", Map.of("type", "string", "default", "com.example"),
            "port", Map.of("type", "integer", "default", 8080)))));
    assertEquals(Map.of("name", "x", "owner", "group:web", "javaPackage", "com.example", "port", 8080L),
        form.withDefaults(Map.of("name", "x")));
    Map<String, Object> given = new HashMap<>();
    given.put("owner", "group:ops");
    given.put("port", null);
    Map<String, Object> filled = form.withDefaults(given);
    assertEquals("group:ops", filled.get("owner"), "a given value wins");
    assertEquals(null, filled.get("port"), "a given null wins too");
    assertEquals(true, filled.containsKey("port"));
    assertEquals(2, given.size(), "the input is not changed: " + given);
  }

  @Test
  void withDefaults_nestedObjects_getTheirPropertiesDefaults_emptyOnesOnlyWhenRequired() {
    Map<String, Object> repo = Map.of("type", "object", "properties",
        Map.of("host", Map.of("type", "string", "default", "github.com"), "name", Map.of("type", "string")));
    Map<String, Object> noDefaults = Map.of("type", "object", "properties", Map.of("a", Map.of("type", "string")));
    TemplateParameterSchema form = form(page(Map.of("repo", repo, "extra", noDefaults, "needed", noDefaults),
        "needed"));
    assertEquals(Map.of("repo", Map.of("host", "github.com"), "needed", Map.of()), form.withDefaults(Map.of()));
    assertEquals(Map.of("repo", Map.of("name", "svc", "host", "github.com"), "needed", Map.of()),
        form.withDefaults(Map.of("repo", Map.of("name", "svc"))), "merged into a given object");
    assertEquals(Map.of("repo", Map.of("host", "gitlab.com"), "needed", Map.of()),
        form.withDefaults(Map.of("repo", Map.of("host", "gitlab.com"))));
  }

  @Test
  void withDefaults_anObjectDefaultIsCompletedByItsProperties_andArrayItemsGetItemDefaults() {
    Map<String, Object> object = Map.of("type", "object", "default", Map.of("a", "from-object"), "properties",
        Map.of("a", Map.of("type", "string", "default", "from-a"), "b", Map.of("type", "string", "default", "b")));
    Map<String, Object> array = Map.of("type", "array", "items", Map.of("type", "object", "properties",
        Map.of("port", Map.of("type", "integer", "default", 80))));
    TemplateParameterSchema form = form(page(Map.of("o", object, "ports", array)));
    assertEquals(Map.of("o", Map.of("a", "from-object", "b", "b")), form.withDefaults(Map.of()));
    assertEquals(Map.of("port", 443), ((List<?>) form.withDefaults(Map.of("ports",
        List.of(Map.of("port", 443), Map.of()))).get("ports")).get(0));
    assertEquals(Map.of("port", 80L), ((List<?>) form.withDefaults(Map.of("ports",
        List.of(Map.of("port", 443), Map.of()))).get("ports")).get(1));
  }

  @Test
  void fromTemplate_readsPagesLikeTheServer_andNamesABadEntry() {
    TemplateParameterSchema single = TemplateParameterSchema.fromTemplate(Map.of("metadata",
        Map.of("name", "t", "title", "T"), "spec", Map.of("parameters", Map.of("properties", Map.of()))));
    assertEquals("T", single.title());
    assertEquals("Please enter the following information", single.pages().get(0).title());
    BackstageDecodingException e = assertThrows(BackstageDecodingException.class,
        () -> form(List.of(Map.of(), "not a page")));
    assertEquals(true, e.getMessage().contains("template.spec.parameters[1]"), e.getMessage());
  }

  @Test
  void withDefaults_onTheRealServersParameterSchema_fillsTheOwner() {
    mock.enqueue(Fixtures.response("get-parameter-schema/create-service"));
    TemplateParameterSchema schema = mock.client().templates().parameterSchema("create-service");
    assertEquals("group:default/web-team", schema.withDefaults(Map.of("name", "x")).get("owner"));
  }
}
