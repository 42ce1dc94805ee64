package dev.backstage4j.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EntityRefTest {
  private static void parses(String ref, String dk, String dns, String kind, String ns, String name) {
    EntityRef r = EntityRef.parse(ref, dk, dns);
    assertEquals(kind + "|" + ns + "|" + name, r.kind() + "|" + r.namespace() + "|" + r.name(), ref);
  }

  private static void fails(String ref, String dk, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EntityRef.parse(ref, dk, null));
    assertEquals(message, e.getMessage());
  }

  @Test
  void parse_fullAndPartialForms_fillDefaults() {
    parses("a:b/c", null, null, "a", "b", "c");
    parses("a:c", null, null, "a", "default", "c");
    parses("b/c", "x", null, "x", "b", "c");
    parses("c", "x", "y", "x", "y", "c");
    parses("c", "x", "", "x", "default", "c");
  }

  @Test
  void parse_namesMayHoldColonsAndSlashes() {
    parses("component:default/foo:bar", null, null, "component", "default", "foo:bar");
    parses("a/b:c", "k", null, "k", "a", "b:c");
    parses("a:b/c/d", null, null, "a", "b", "c/d");
    parses("a:b:c", null, null, "a", "default", "b:c");
  }

  @Test
  void parse_keepsSpellingAndDoesNotTrim() {
    parses("Component:Default/ Artist ", null, null, "Component", "Default", " Artist ");
  }

  @Test
  void parse_emptyPart_failsWithBackstageMessage() {
    for (String bad : new String[] {":b/c", "a:/c", "a:b/", "/c", "b/", ":c", "a:"}) {
      fails(bad, "x", "Entity reference \"" + bad + "\" was not on the form [<kind>:][<namespace>/]<name>");
    }
  }

  @Test
  void fullRefProblem_agreesWithParse_onEveryShortRef() {
    // Every string of up to five characters from {a, :, /}: all placements of the separators and empty parts.
    java.util.List<String> refs = new java.util.ArrayList<>(java.util.Arrays.asList(null, ""));
    for (int len = 1; len <= 5; len++) {
      for (int n = 0; n < Math.pow(3, len); n++) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, x = n; i < len; i++, x /= 3) {
          b.append("a:/".charAt(x % 3));
        }
        refs.add(b.toString());
      }
    }
    for (String ref : refs) {
      String expected;
      try {
        EntityRef.parse(ref);
        expected = null;
      } catch (IllegalArgumentException e) {
        expected = e.getMessage();
      }
      assertEquals(expected, EntityRef.fullRefProblem(ref), ref);
    }
  }

  @Test
  void parse_emptyOrNull_fails() {
    fails("", null, "Entity reference must not be empty");
    fails(null, null, "Entity reference must not be empty");
  }

  @Test
  void parse_noKindAndNoDefault_failsNamingTheKind() {
    fails("team-a", null, "Entity reference \"team-a\" had missing or empty kind (e.g. did not start with "
        + "\"component:\" or similar)");
    fails("ns/\"q\"\n", "", "Entity reference \"ns/\\\"q\\\"\\n\" had missing or empty kind (e.g. did not start "
        + "with \"component:\" or similar)");
  }

  @Test
  void toString_isLowerCasedCanonicalForm_likeStringifyEntityRef() {
    assertEquals("component:default/artist-web", EntityRef.parse("Component:Default/Artist-Web").toString());
    assertEquals("group:default/team-a", EntityRef.of("Group", null, "team-a").toString());
    assertEquals("x:default/οδος", EntityRef.parse("X:ΟΔΟΣ").toString()); // JavaScript's final sigma
  }

  @Test
  void equalsAndOrder_ignoreCase_soRefsAreMapKeys() {
    EntityRef a = EntityRef.parse("Component:Default/Artist");
    EntityRef b = EntityRef.parse("component:default/artist");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("v", Map.of(a, "v").get(b));
    assertNotEquals(a, EntityRef.parse("component:default/artist2"));
    TreeSet<EntityRef> set = new TreeSet<>();
    set.add(EntityRef.parse("b:x"));
    set.add(EntityRef.parse("A:x"));
    assertEquals("a:default/x", set.first().toString());
  }

  @Test
  void of_rejectsEmptyKindOrName() {
    assertThrows(IllegalArgumentException.class, () -> EntityRef.of("", "ns", "n"));
    assertThrows(IllegalArgumentException.class, () -> EntityRef.of("k", "ns", ""));
    assertTrue(EntityRef.of("k", "", "n").namespace().equals("default"));
  }
}
