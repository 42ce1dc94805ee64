package dev.backstage4j.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogYamlTest {
  private static final CatalogYaml YAML = CatalogYaml.create();

  private static final String COMPONENT = String.join("\n",
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata:",
      "  name: artist-web",
      "  annotations:",
      "    backstage.io/techdocs-ref: dir:.",
      "spec:",
      "  type: website",
      "  lifecycle: production",
      "  owner: team-a",
      "");

  @Test
  void read_singleDocument_givesValidEntity() {
    List<CatalogDocument> docs = YAML.read(COMPONENT, "catalog-info.yaml");
    assertEquals(1, docs.size());
    assertTrue(docs.get(0).isValid(), docs.get(0).validation().toString());
    Entity e = docs.get(0).entity();
    assertEquals("component:default/artist-web", e.ref().toString());
    assertEquals("dir:.", e.metadata().annotation(Annotations.TECHDOCS_REF));
    assertEquals(SourceLocation.of("catalog-info.yaml", 1, 1), docs.get(0).source());
  }

  @Test
  void read_multiDocument_skipsEmptyDocumentsAndKeepsOrder() {
    String yaml = "---\n" + COMPONENT + "---\n" + COMPONENT.replace("artist-web", "second") + "---\n";
    List<CatalogDocument> docs = YAML.read(yaml, "all.yaml");
    assertEquals(2, docs.size());
    assertEquals("second", docs.get(1).entity().metadata().name());
    assertEquals(13, docs.get(1).source().line());
  }

  @Test
  void read_invalidField_violationPointsAtItsLine() {
    String yaml = COMPONENT.replace("name: artist-web", "name: artist web");
    CatalogDocument doc = YAML.read(yaml, "catalog-info.yaml").get(0);
    assertFalse(doc.isValid());
    Violation v = doc.validation().violations().get(0);
    assertEquals("metadata.name", v.path());
    assertEquals(SourceLocation.of("catalog-info.yaml", 4, 9), v.location());
    assertEquals("catalog-info.yaml:4:9: metadata.name: \"metadata.name\" is not valid; expected a string that is "
        + "sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "
        + "\"artist web\".", v.toString());
    InvalidEntityException ex = assertThrows(InvalidEntityException.class, doc::entity);
    assertTrue(ex.getMessage().contains("catalog-info.yaml:4:9"), ex.getMessage());
  }

  @Test
  void read_missingField_violationPointsAtParent() {
    String yaml = COMPONENT.replace("  owner: team-a\n", "");
    CatalogDocument doc = YAML.read(yaml, "c.yaml").get(0);
    Violation v = doc.validation().violations().get(0);
    assertEquals("spec.owner", v.path());
    assertEquals("is required", v.message());
    assertEquals(8, v.location().line());
  }

  @Test
  void read_syntaxError_throwsWithFileLineColumn() {
    CatalogYamlException e = assertThrows(CatalogYamlException.class,
        () -> YAML.read("apiVersion: v1\nkind: [Component\nmetadata: {}\n", "bad.yaml"));
    assertEquals("bad.yaml", e.file());
    assertTrue(e.line() >= 2, e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.yaml:" + e.line() + ":" + e.column() + ": "), e.getMessage());
  }

  @Test
  void read_duplicateKey_throwsWithItsLocation() {
    CatalogYamlException e = assertThrows(CatalogYamlException.class,
        () -> YAML.read("kind: A\nkind: B\n", "dup.yaml"));
    assertEquals(2, e.line());
    assertEquals(1, e.column());
    assertEquals("duplicate key \"kind\" (map keys must be unique)", e.problem());
  }

  @Test
  void read_scalarsFollowYaml12_likeBackstage() {
    Map<String, Object> t = YAML.read("a: yes\nb: on\nc: 0o17\nd: 012\ne: ~\nf: '1'\ng: 1.5\nh: true\ni: !!str 5\n",
        "s.yaml").get(0).tree();
    assertEquals("yes", t.get("a"));
    assertEquals("on", t.get("b"));
    assertEquals(15L, t.get("c"));
    assertEquals(12L, t.get("d"));
    assertEquals(null, t.get("e"));
    assertTrue(t.containsKey("e"));
    assertEquals("1", t.get("f"));
    assertEquals(1.5, t.get("g"));
    assertEquals(true, t.get("h"));
    assertEquals("5", t.get("i"));
  }

  @Test
  void read_aliasesAreExpanded() {
    Map<String, Object> t = YAML.read("x: &a {k: v}\ny: *a\n", "a.yaml").get(0).tree();
    assertEquals(Map.of("k", "v"), t.get("y"));
  }

  @Test
  void read_aliasBomb_failsFastWithClearError() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    CatalogYamlException e = assertThrows(CatalogYamlException.class, () -> YAML.read(b.toString(), "bomb.yaml"));
    assertTrue(e.problem().contains("aliases") || e.problem().contains("values"), e.getMessage());
    assertTrue(e.line() > 0, e.getMessage());
  }

  @Test
  void read_50MbDocument_failsWithSizeErrorBeforeReadingItAll() {
    String huge = "metadata:\n  description: >\n" + ("    " + "x".repeat(95) + "\n").repeat(520_000);
    assertTrue(huge.length() > 50_000_000);
    CatalogYamlException e = assertThrows(CatalogYamlException.class, () -> YAML.read(huge, "huge.yaml"));
    assertTrue(e.problem().contains("limit"), e.getMessage());
  }

  @Test
  void read_fileOverTheFileLimit_failsWithSizeError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, (COMPONENT + "---\n").repeat(20));
    CatalogYamlException e = assertThrows(CatalogYamlException.class,
        () -> CatalogYaml.builder().maxFileChars(1000).build().read(f));
    assertEquals(f + " is larger than the limit of 1000 characters", e.problem());
    assertEquals(20, YAML.read(f).size());
  }

  @Test
  void read_deepNesting_failsWithDepthError() {
    String yaml = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    CatalogYamlException e = assertThrows(CatalogYamlException.class, () -> YAML.read(yaml, "deep.yaml"));
    assertTrue(e.problem().toLowerCase().contains("nest"), e.getMessage());
  }

  @Test
  void read_rootNotAnObject_isAnInvalidDocument() {
    CatalogDocument doc = YAML.read("- a\n- b\n", "list.yaml").get(0);
    assertFalse(doc.isValid());
    assertEquals("expected an object (an entity) at the root of the document, found array",
        doc.validation().violations().get(0).message());
  }

  @Test
  void readEntities_listsViolationsOfAllDocuments(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, COMPONENT.replace("owner: team-a", "owner: ''") + "---\n"
        + COMPONENT.replace("kind: Component", "kind: Komponent"));
    InvalidEntityException e = assertThrows(InvalidEntityException.class, () -> YAML.readEntities(f));
    assertEquals(2, e.violations().size(), e.getMessage());
    assertEquals(10, e.violations().get(0).location().line());
    assertEquals(13, e.violations().get(1).location().line());
  }

  @Test
  void write_isDeterministicAndRoundTrips() {
    Entity e = Entity.builder()
        .kind("Component").apiVersion("backstage.io/v1alpha1")
        .spec("type", "service").spec("owner", "team-a").spec("lifecycle", "production")
        .tag("java").annotation("backstage.io/techdocs-ref", "dir:.").label("tier", "1")
        .description("multi\nline").name("artist-web").title("yes")
        .link(EntityLink.of("https://example.com", "Home", null, null))
        .build();
    String yaml = YAML.write(e);
    assertEquals(String.join("\n",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata:",
        "  name: artist-web",
        "  title: \"yes\"",
        "  description: |-",
        "    multi",
        "    line",
        "  labels:",
        "    tier: \"1\"",
        "  annotations:",
        "    backstage.io/techdocs-ref: dir:.",
        "  tags:",
        "    - java",
        "  links:",
        "    - url: https://example.com",
        "      title: Home",
        "spec:",
        "  type: service",
        "  owner: team-a",
        "  lifecycle: production",
        ""), yaml);
    Entity back = YAML.read(yaml + "---\n" + yaml, "rt.yaml").get(1).entity();
    assertEquals(e, back);
    assertEquals(yaml + "---\n" + yaml, YAML.write(List.of(e, back)));
  }

  @Test
  void write_thenRead_givesTheSameTree_forAThousandGeneratedEntities() {
    CaseGenerator gen = new CaseGenerator(7);
    int checked = 0;
    for (int i = 0; i < 1000; i++) {
      Map<String, Object> tree = gen.entity();
      Entity e;
      try {
        e = Entity.fromMap(tree);
      } catch (InvalidEntityException ex) {
        continue;
      }
      String yaml;
      try {
        yaml = YAML.write(e);
      } catch (IllegalArgumentException unpairedSurrogate) {
        assertTrue(unpairedSurrogate.getMessage().contains("surrogate"));
        continue;
      }
      Map<String, Object> back = YAML.read(yaml, "rt.yaml").get(0).tree();
      assertEquals(CatalogYaml.create().write(e), YAML.write(Entity.fromMap(back)), yaml);
      assertEquals(e.toMap(), back, OracleDifferentialTest.escape(yaml));
      checked++;
    }
    assertTrue(checked > 300, "checked " + checked);
  }

  @Test
  void aLineOverTheLimit_isRefusedBeforeTheParserSeesIt_namingTheLine() {
    // Before: one 16 MiB line kept the parser busy for over a minute before its document limit fired.
    String yaml = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  description: "
        + "d".repeat(CatalogYaml.DEFAULT_MAX_LINE_CHARS) + "\n";
    CatalogYamlException e = assertThrows(CatalogYamlException.class, () -> YAML.read(yaml, "long.yaml"));
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("line 5 is longer than the limit of " + CatalogYaml.DEFAULT_MAX_LINE_CHARS),
        e.getMessage());
  }

  @Test
  void theDocumentLimit_countsEachDocumentOnItsOwn() {
    CatalogYaml small = CatalogYaml.builder().maxDocumentChars(400).build();
    String doc = "---\n" + COMPONENT + "\n";
    String many = doc.repeat(50);  // 50 documents, each under 400 characters, the file far over
    assertEquals(50, small.read(many, "many.yaml").size());
    String big = "---\n" + COMPONENT + "\n  title: " + "t".repeat(400) + "\n";
    CatalogYamlException e = assertThrows(CatalogYamlException.class,
        () -> small.read(doc + big, "big.yaml"));
    assertTrue(e.getMessage().contains("larger than the limit of 400 characters"), e.getMessage());
  }

  @Test
  void aFileThatIsNotUtf8_namesTheLineAndTheByteOffset(@TempDir Path tmp) throws Exception {
    // Before: "Input length = 1". Here a Latin-1 'é' (0xE9) in a title, as an editor with the wrong encoding saves it.
    byte[] head = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cafe\n  title: Caf"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] tail = "\nspec: {type: service, lifecycle: production, owner: team-a}\n"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(head);
    bytes.write(0xE9);
    bytes.write(tail);
    Path file = tmp.resolve("latin1.yaml");
    Files.write(file, bytes.toByteArray());

    CatalogYamlException e = assertThrows(CatalogYamlException.class, () -> YAML.read(file));

    assertEquals(5, e.line());
    assertEquals(13, e.column());
    assertTrue(e.getMessage().contains("is not valid UTF-8: byte 0xE9 at byte offset " + head.length),
        e.getMessage());
  }
}
