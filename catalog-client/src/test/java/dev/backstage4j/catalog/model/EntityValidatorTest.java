package dev.backstage4j.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per rule, each checking the path and the message a user sees. */
class EntityValidatorTest {
  private static final EntityValidator V = EntityValidator.create();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> md(Map<String, Object> e) {
    return (Map<String, Object>) e.get("metadata");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Map<String, Object> e) {
    return (Map<String, Object>) e.get("spec");
  }

  private static List<String> problems(Map<String, Object> e) {
    return V.validate(e).violations().stream().map(Violation::toString).collect(Collectors.toList());
  }

  private static void rejects(Map<String, Object> e, String expected) {
    List<String> p = problems(e);
    assertTrue(p.contains(expected), "expected " + expected + " in " + p);
  }

  @Test
  void everyBuiltInKind_validBase_isAccepted() {
    for (String kind : CaseGenerator.KINDS) {
      assertEquals(List.of(), problems(CaseGenerator.validBase(kind)), kind);
    }
  }

  @Test
  void requiredEnvelopeFields_areNamed() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    e.remove("apiVersion");
    md(e).remove("name");
    rejects(e, "apiVersion: is required");
    rejects(e, "metadata.name: is required");
  }

  @Test
  void name_format_usesBackstageWording() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    md(e).put("name", "-a-b");
    rejects(e, "metadata.name: \"metadata.name\" is not valid; expected a string that is sequences of [a-zA-Z0-9] "
        + "separated by any of [-_.], at most 63 characters in total but found \"-a-b\".");
    md(e).put("name", "a".repeat(63));
    assertTrue(V.validate(e).isValid());
    md(e).put("name", "a".repeat(64));
    assertFalse(V.validate(e).isValid());
    md(e).put("name", "a_b.c--d");
    assertTrue(V.validate(e).isValid());
  }

  @Test
  void namespace_isLowerCaseDnsLabel() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    md(e).put("namespace", "Default");
    rejects(e, "metadata.namespace: \"metadata.namespace\" is not valid; expected a string that is sequences of "
        + "[a-z0-9] separated by [-], at most 63 characters in total but found \"Default\".");
    md(e).put("namespace", "a--b");
    assertTrue(V.validate(e).isValid(), "catalog-model accepts repeated dashes");
  }

  @Test
  void apiVersionAndKind_formats() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    e.put("apiVersion", "a/b/c");
    rejects(e, "apiVersion: \"apiVersion\" is not valid; expected a valid prefix and/or suffix but found \"a/b/c\".");
    e = CaseGenerator.validBase("Component");
    e.put("kind", "9AZ");
    rejects(e, "kind: \"kind\" is not valid; expected a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most "
        + "63 characters in total but found \"9AZ\".");
  }

  @Test
  void labelsAnnotationsTags_formats() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    md(e).put("labels", Map.of("a/b/c", "x"));
    rejects(e, "metadata.labels.a/b/c: \"labels.a/b/c\" is not valid; expected a valid prefix and/or suffix but "
        + "found \"a/b/c\".");
    md(e).put("labels", Map.of("ok", "-x"));
    rejects(e, "metadata.labels.ok: \"labels.ok\" is not valid; expected a string that is sequences of [a-zA-Z0-9] "
        + "separated by any of [-_.], at most 63 characters in total but found \"-x\".");
    md(e).put("labels", Map.of("ok", ""));
    md(e).put("annotations", Map.of("example.com/x", 5L));
    rejects(e, "metadata.annotations.example.com/x: must be a string, found number");
    md(e).put("annotations", Map.of());
    md(e).put("tags", List.of("c++", "Java"));
    rejects(e, "metadata.tags.1: \"tags.1\" is not valid; expected a string that is sequences of [a-z0-9+#] "
        + "separated by [-], at most 63 characters in total but found \"Java\".");
  }

  @Test
  void links_urlTitleIcon() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    md(e).put("links", List.of(Map.of("url", "not a url"), Map.of("url", "https://x", "title", "\u00a0 ")));
    rejects(e, "metadata.links.0.url: \"links.0.url\" is not valid; expected a string that is a valid url but "
        + "found \"not a url\".");
    rejects(e, "metadata.links.1.title: \"links.1.title\" is not valid; expected a non empty string but found "
        + "\"\u00a0 \".");
    md(e).put("links", List.of(Map.of("title", "t")));
    rejects(e, "metadata.links.0.url: is required");
  }

  @Test
  void foreignRootFields_areRejected_includingRelationsAndStatus() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    e.put("relations", List.of());
    e.put("foo", 1L);
    rejects(e, "relations: is not an allowed field at the root of an entity (allowed: apiVersion, kind, metadata, "
        + "spec; relations and status are set by the catalog)");
    rejects(e, "foo: is not an allowed field at the root of an entity (allowed: apiVersion, kind, metadata, spec; "
        + "relations and status are set by the catalog)");
  }

  @Test
  void kindSchema_requiredAndTypedSpecFields() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    spec(e).remove("owner");
    spec(e).put("providesApis", "api-a");
    rejects(e, "spec.owner: is required");
    rejects(e, "spec.providesApis: must be an array, found string");
    e = CaseGenerator.validBase("API");
    spec(e).put("definition", "");
    rejects(e, "spec.definition: must not be empty");
    e = CaseGenerator.validBase("Location");
    spec(e).put("presence", "sometimes");
    rejects(e, "spec.presence: must be one of \"required\", \"optional\"");
  }

  @Test
  void template_parametersAndSteps() {
    Map<String, Object> e = CaseGenerator.validBase("Template");
    spec(e).put("parameters", "x");
    spec(e).put("steps", List.of(Map.of("id", "a")));
    rejects(e, "spec.parameters: does not match any of the allowed shapes (an object; an array of objects)");
    rejects(e, "spec.steps.0.action: is required");
    e = CaseGenerator.validBase("Template");
    e.put("apiVersion", "scaffolder.backstage.io/v1beta2");
    rejects(e, "apiVersion: kind Template has no schema for apiVersion \"scaffolder.backstage.io/v1beta2\" (known: "
        + "scaffolder.backstage.io/v1beta3)");
  }

  @Test
  void unknownKind_isRejectedAsTheCatalogDoes() {
    Map<String, Object> e = CaseGenerator.validBase("Component");
    e.put("kind", "component");
    rejects(e, "kind: \"component\" is not a kind the catalog recognizes (built-in kinds: Component, API, Resource, "
        + "System, Domain, Group, User, Location, Template; kinds are case-sensitive)");
  }

  @Test
  void allViolationsAreReported_notOnlyTheFirst() {
    Map<String, Object> e = CaseGenerator.validBase("Group");
    md(e).put("name", "bad name");
    md(e).put("namespace", "Bad");
    spec(e).remove("children");
    assertEquals(3, V.validate(e).violations().size(), problems(e).toString());
  }

  @Test
  void orThrow_returnsEntityOrThrowsTypedException() {
    assertEquals("my-user", V.validate(CaseGenerator.validBase("User")).orThrow().metadata().name());
    Map<String, Object> e = CaseGenerator.validBase("User");
    spec(e).remove("memberOf");
    InvalidEntityException ex = assertThrows(InvalidEntityException.class, () -> V.validate(e).orThrow());
    assertEquals("Entity \"my-user\" is not valid: spec.memberOf: is required", ex.getMessage());
    assertEquals(1, ex.violations().size());
  }
}
