package dev.backstage4j.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityTest {
  @Test
  @SuppressWarnings("unchecked")
  void fromMap_toMap_keepsUnknownRootAndMetadataFields() {
    Map<String, Object> tree = CaseGenerator.validBase("Component");
    tree.put("relations", List.of(Map.of("type", "ownedBy", "targetRef", "group:default/team-a")));
    tree.put("x-extra", Map.of("n", 1));
    ((Map<String, Object>) tree.get("metadata")).put("custom", List.of(true, 2.5));
    Entity e = Entity.fromMap(tree);
    assertEquals(Map.of("n", 1L), e.toMap().get("x-extra"));
    assertEquals(List.of(true, 2.5), e.metadata().toMap().get("custom"));
    assertEquals(List.of(EntityRelation.of(Relations.OWNED_BY, EntityRef.parse("group:default/team-a"))),
        e.relations(Relations.OWNED_BY));
    assertEquals(e, Entity.fromMap(e.toMap()));
    assertThrows(UnsupportedOperationException.class, () -> e.spec().put("x", "y"));
  }

  @Test
  void fromMap_wrongShape_listsEveryProblem() {
    InvalidEntityException ex = assertThrows(InvalidEntityException.class,
        () -> Entity.fromMap(Map.of("kind", 5, "metadata", Map.of("name", "n", "labels", "x"))));
    assertEquals("Entity n is not valid: apiVersion: is required; kind: must be a string, found number; "
        + "metadata.labels: must be an object, found string", ex.getMessage());
  }

  @Test
  void ref_defaultsNamespace() {
    Entity e = Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Group").name("team-a")
        .spec("type", "team").spec("children", List.of()).build();
    assertEquals("group:default/team-a", e.ref().toString());
    assertEquals("default", e.metadata().namespace());
    assertTrue(!e.metadata().hasNamespace());
    assertTrue(EntityValidator.create().validate(e).isValid());
  }

  @Test
  void views_readSpecAndResolveRefsInTheEntityNamespace() {
    Entity c = Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Component").name("web").namespace("ns")
        .spec("type", "website").spec("lifecycle", "production").spec("owner", "team-a")
        .spec("providesApis", List.of("api-a", "other:b")).build();
    ComponentEntity view = ComponentEntity.of(c);
    assertEquals("website", view.type());
    assertEquals("group:ns/team-a", view.ownerRef().toString());
    assertEquals("[api:ns/api-a, other:ns/b]", view.providesApisRefs().toString());
    assertNull(view.system());
    assertThrows(IllegalArgumentException.class, () -> UserEntity.of(c));
    Entity t = Entity.fromMap(CaseGenerator.validBase("Template"));
    assertEquals("fetch:template", TemplateEntity.of(t).steps().get(0).get("action"));
    assertEquals(1, TemplateEntity.of(t).parameters().size());
    assertEquals("required", LocationEntity.of(Entity.fromMap(CaseGenerator.validBase("Location"))).presence());
  }
}
