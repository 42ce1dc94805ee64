package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact frozen maps and lists must behave exactly like the unmodifiable LinkedHashMaps they replace. */
class FrozenCollectionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, Object> read(String json) throws Exception {
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      p.nextToken();
      return FrozenTreeReader.readObject(p, false);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(String json) throws Exception {
    return MAPPER.readValue(json, LinkedHashMap.class);
  }

  /** An object with {@code n} keys k0..k(n-1), values 0..n-1, in that order. */
  private static String object(int n) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    return b.append('}').toString();
  }

  @Test
  void maps_ofEverySize_matchLinkedHashMap_inOrderEqualityHashAndLookups() throws Exception {
    for (int n = 0; n <= FrozenMap.MAX_KEYS + 3; n++) {
      String json = object(n);
      Map<String, Object> frozen = read(json);
      Map<String, Object> expected = new LinkedHashMap<>();
      plain(json).forEach((k, v) -> expected.put(k, ((Number) v).longValue()));
      assertEquals(expected, frozen, json);
      assertEquals(frozen, expected, json);
      assertEquals(expected.hashCode(), frozen.hashCode(), json);
      assertEquals(expected.toString(), frozen.toString(), json);
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(frozen.keySet()), json);
      assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(frozen.values()), json);
      assertEquals(n, frozen.size());
      assertEquals(n == 0, frozen.isEmpty());
      for (int i = 0; i < n; i++) {
        String key = new String("k" + i); // not the interned instance the parser used
        assertEquals((long) i, frozen.get(key));
        assertTrue(frozen.containsKey(key));
      }
      assertNull(frozen.get("k" + n));
      assertFalse(frozen.containsKey("missing"));
      assertNull(frozen.get(null));
      assertFalse(frozen.containsKey(null));
      assertNull(frozen.get(42));
      assertEquals("d", frozen.getOrDefault("missing", "d"));
      assertThrows(UnsupportedOperationException.class, () -> frozen.put("x", 1));
      assertThrows(UnsupportedOperationException.class, () -> frozen.remove("k0"));
      assertThrows(UnsupportedOperationException.class, frozen::clear);
      assertThrows(UnsupportedOperationException.class, () -> frozen.putAll(Map.of()));
      assertThrows(UnsupportedOperationException.class, () -> frozen.replaceAll((k, v) -> v));
      assertThrows(UnsupportedOperationException.class, () -> frozen.computeIfAbsent("k0", k -> 1));
      assertThrows(UnsupportedOperationException.class, () -> frozen.merge("k0", 1, (a, b) -> a));
      if (n > 0) {
        assertThrows(UnsupportedOperationException.class, () -> frozen.entrySet().iterator().next().setValue(1));
        assertThrows(UnsupportedOperationException.class, () -> {
          var it = frozen.entrySet().iterator();
          it.next();
          it.remove();
        });
      }
    }
  }

  @Test
  void duplicateKeys_keepTheFirstPositionAndTheLastValue_likeJackson() throws Exception {
    for (String json : new String[] {"{\"a\":1,\"b\":2,\"a\":3}", object(FrozenMap.MAX_KEYS).replace("}",
        ",\"k0\":99,\"extra\":1}")}) {
      Map<String, Object> frozen = read(json);
      Map<String, Object> expected = new LinkedHashMap<>();
      plain(json).forEach((k, v) -> expected.put(k, ((Number) v).longValue()));
      assertEquals(expected.toString(), frozen.toString(), json);
      assertEquals(expected.size(), frozen.size());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void lists_matchArrayList_andAllowNulls() throws Exception {
    Map<String, Object> frozen = read("{\"empty\":[],\"one\":[null],\"many\":[1,\"x\",null,true,[2],{\"a\":3},5]}");
    assertEquals(List.of(), frozen.get("empty"));
    assertEquals(Arrays.asList((Object) null), frozen.get("one"));
    List<?> many = (List<?>) frozen.get("many");
    List<Object> expected = Arrays.asList(1L, "x", null, true, List.of(2L), Map.of("a", 3L), 5L);
    assertEquals(expected, many);
    assertEquals(many, expected);
    assertEquals(expected.hashCode(), many.hashCode());
    assertEquals(expected.toString(), many.toString());
    assertTrue(many.contains(null));
    assertTrue(((List<?>) frozen.get("empty")).indexOf(null) < 0);
    assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) many).add(1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) many).set(0, 1));
    List<?> empty = (List<?>) frozen.get("empty");
    assertThrows(UnsupportedOperationException.class, empty::clear);
    assertThrows(UnsupportedOperationException.class, () -> empty.removeIf(x -> true));
    assertThrows(UnsupportedOperationException.class, () -> empty.sort(null));
    assertThrows(IndexOutOfBoundsException.class, () -> many.get(7));
  }

  @Test
  void freezingAUsersTree_givesTheSameFormAsReadingJson() throws Exception {
    String json = "{\"a\":{\"b\":[1,{\"c\":null}]},\"d\":[]," + object(FrozenMap.MAX_KEYS + 1).substring(1);
    Object frozen = Trees.freeze(plain(json), "");
    Map<String, Object> read = read(json);
    assertEquals(read, frozen);
    assertEquals(read.getClass(), frozen.getClass());
    assertEquals(read.get("a").getClass(), ((Map<?, ?>) frozen).get("a").getClass());
    assertEquals(read.get("d").getClass(), ((Map<?, ?>) frozen).get("d").getClass());
  }
}
