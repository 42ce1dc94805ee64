package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forms of {@code --values} a script uses, and their YAML 1.2 reading. */
class ValuesTest {
  private static Map<String, Object> parse(String... args) {
    return Values.parse(List.of(args), () -> new ByteArrayInputStream(new byte[0]));
  }

  @Test
  void keyEqualsValue_readsYaml12Scalars() {
    assertEquals(Map.of("replicas", 3L, "public", true, "answer", "yes", "toggle", "on", "owner", "group:default/a"),
        parse("replicas=3", "public=true", "answer=yes", "toggle=on", "owner=group:default/a"));
  }

  @Test
  void inlineJsonObject_evenWithEqualsSignsInside() {
    assertEquals(Map.of("name", "x", "query", "a=b", "owner", "group:default/team-a"),
        parse("{\"name\":\"x\",\"query\":\"a=b\",\"owner\":\"group:default/team-a\"}"));
  }

  @Test
  void inlineYamlObject() {
    assertEquals(Map.of("name", "x", "enabled", "yes"), parse("name: x\nenabled: yes\n"));
  }

  @Test
  void dash_readsAnObjectFromStandardInput() {
    Map<String, Object> v = Values.parse(List.of("-"),
        () -> new ByteArrayInputStream("{\"name\": \"from-stdin\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Map.of("name", "from-stdin"), v);
  }

  @Test
  void atFile_andPlainPath_andLaterOnesWin(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("values.yaml");
    Files.writeString(file, "name: from-file\nowner: group:default/a\n");
    assertEquals(Map.of("name", "from-file", "owner", "group:default/a"), parse("@" + file));
    assertEquals(Map.of("name", "override", "owner", "group:default/a"), parse(file.toString(), "name=override"));
  }

  @Test
  void somethingElse_isAUsageErrorNamingTheForms() {
    CliException e = assertThrows(CliException.class, () -> parse("not a value"));
    assertTrue(e.getMessage().contains("inline JSON/YAML object, - (stdin)"), e.getMessage());
    CliException bad = assertThrows(CliException.class, () -> parse("{\"name\": "));
    assertTrue(bad.getMessage().contains("cannot read the inline --values object"), bad.getMessage());
  }
}
