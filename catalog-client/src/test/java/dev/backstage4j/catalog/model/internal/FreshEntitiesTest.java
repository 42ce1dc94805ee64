package dev.backstage4j.catalog.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backstage4j.core.internal.Trees;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.InvalidEntityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshEntitiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
      + "\"metadata\":{\"name\":\"web\",\"labels\":{\"tier\":\"front\"},\"tags\":[\"java\"],"
      + "\"links\":[{\"url\":\"https://x\"}],\"custom\":[1,2.5,{\"n\":3}]},"
      + "\"spec\":{\"type\":\"service\",\"replicas\":3,\"deps\":[\"a\"]},"
      + "\"relations\":[{\"type\":\"ownedBy\",\"targetRef\":\"group:default/team-a\"}]}";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(String json) throws Exception {
    return MAPPER.readValue(json, LinkedHashMap.class);
  }

  private static Entity read(String json) throws Exception {
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(json)) {
      p.nextToken();
      return FreshEntities.read(p, false);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void read_givesTheSameEntityAsFromMap_andIsImmutable() throws Exception {
    Entity fresh = read(JSON);
    Entity copied = Entity.fromMap(decode(JSON));
    assertEquals(copied, fresh);
    assertEquals(copied.toMap().toString(), fresh.toMap().toString());
    assertEquals(3L, fresh.spec().get("replicas"));
    assertEquals(List.of(1L, 2.5, Map.of("n", 3L)), fresh.metadata().toMap().get("custom"));
    assertEquals(copied.relations(), fresh.relations());
    assertEquals(List.of("java"), fresh.metadata().tags());
    assertThrows(UnsupportedOperationException.class, () -> fresh.toMap().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> fresh.spec().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) fresh.spec().get("deps")).add("b"));
    assertThrows(UnsupportedOperationException.class, () -> fresh.metadata().labels().put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> fresh.metadata().tags().add("b"));
    List<Object> custom = (List<Object>) fresh.metadata().toMap().get("custom");
    assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) custom.get(2)).clear());
  }

  @Test
  void readFromParser_givesTheSameEntityAsFromMap_andIsImmutable() throws Exception {
    String json = JSON.replace("\"replicas\":3", "\"replicas\":3,\"big\":123456789012345678901234567890,"
        + "\"f\":-1.5e3,\"flags\":[true,false,null,[]],\"dup\":1,\"dup\":2");
    Entity copied = Entity.fromMap(decode(json));
    Entity read;
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(json)) {
      p.nextToken();
      read = FreshEntities.read(p, false);
      assertEquals(com.fasterxml.jackson.core.JsonToken.END_OBJECT, p.currentToken());
    }
    assertEquals(copied, read);
    assertEquals(copied.toMap().toString(), read.toMap().toString());
    assertEquals(2L, read.spec().get("dup"));
    assertEquals(new java.math.BigInteger("123456789012345678901234567890"), read.spec().get("big"));
    assertEquals(-1500.0, read.spec().get("f"));
    assertEquals(copied.relations(), read.relations());
    assertThrows(UnsupportedOperationException.class, () -> read.spec().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) read.spec().get("flags")).clear());
    String bad = "{\"kind\":5,\"metadata\":{\"name\":\"n\",\"labels\":{\"a\":1}}}";
    InvalidEntityException viaCopy = assertThrows(InvalidEntityException.class,
        () -> Entity.fromMap(decode(bad)));
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(bad)) {
      p.nextToken();
      assertEquals(viaCopy.getMessage(),
          assertThrows(InvalidEntityException.class, () -> FreshEntities.read(p, false)).getMessage());
    }
  }

  @Test
  void read_isCheckedExactlyLikeFromMap() throws Exception {
    String bad = "{\"kind\":5,\"metadata\":{\"name\":\"n\",\"labels\":{\"a\":1},\"tags\":[\"x\",2]},"
        + "\"relations\":[{\"type\":\"ownedBy\",\"targetRef\":\"nokind\"}]}";
    InvalidEntityException viaCopy = assertThrows(InvalidEntityException.class,
        () -> Entity.fromMap(decode(bad)));
    InvalidEntityException viaFresh = assertThrows(InvalidEntityException.class,
        () -> read(bad));
    assertEquals(viaCopy.getMessage(), viaFresh.getMessage());
    assertEquals("Entity n is not valid: apiVersion: is required; kind: must be a string, found number; "
        + "metadata.labels.a: must be a string, found number; metadata.tags.1: must be a string, found number; "
        + "relations.0.targetRef: Entity reference \"nokind\" had missing or empty kind "
        + "(e.g. did not start with \"component:\" or similar)", viaFresh.getMessage());
  }

  @Test
  void notJsonValues_areNamedByPath() {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    List<Object> tags = new ArrayList<>(List.of("a", new Object()));
    metadata.put("tags", tags);
    tree.put("metadata", metadata);
    IllegalArgumentException copied = assertThrows(IllegalArgumentException.class, () -> Entity.fromMap(tree));
    assertEquals("metadata.tags.1 is not a JSON value: java.lang.Object", copied.getMessage());

    Map<Object, Object> badKey = new LinkedHashMap<>();
    badKey.put(7, "x");
    assertEquals("spec has a key that is not a string: 7", assertThrows(IllegalArgumentException.class,
        () -> Trees.freeze(Map.of("spec", badKey), "")).getMessage());
    assertEquals("value is not a JSON value: java.lang.Object", assertThrows(IllegalArgumentException.class,
        () -> Trees.freeze(new Object(), "")).getMessage());
    assertEquals("root.0 is not a JSON value: java.lang.Object", assertThrows(IllegalArgumentException.class,
        () -> Trees.freeze(List.of(new Object()), "root")).getMessage());
  }
}
