package dev.backstage4j.scaffolder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.core.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DryRunTest {
  private static final byte[] BINARY = new byte[256];

  static {
    for (int i = 0; i < BINARY.length; i++) {
      BINARY[i] = (byte) i;
    }
  }

  @TempDir
  Path tmp;

  @RegisterExtension
  final MockServer mock = new MockServer();

  private Path templateFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("tpl"));
    Files.writeString(dir.resolve("template.yaml"), "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n"
        + "metadata:\n  name: hello\nspec:\n  type: service\n  steps:\n    - id: fetch\n      action: fetch:template\n"
        + "      input:\n        url: ./skeleton\n");
    Files.createDirectories(dir.resolve("skeleton/docs"));
    Files.writeString(dir.resolve("skeleton/catalog-info.yaml"), "name: ${{ values.name }}\n");
    Files.write(dir.resolve("skeleton/docs/logo.bin"), BINARY);
    return dir;
  }

  private static String result(Map<String, byte[]> files) throws Exception {
    StringBuilder contents = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      contents.append(contents.length() == 0 ? "" : ",").append("{\"path\":").append(Fixtures.JSON
          .writeValueAsString(f.getKey())).append(",\"executable\":").append(f.getKey().endsWith(".sh"))
          .append(",\"base64Content\":\"").append(Base64.getEncoder().encodeToString(f.getValue())).append("\"}");
    }
    return "{\"log\":[{\"body\":{\"message\":\"Starting up task with 1 steps\"}},{\"body\":{\"stepId\":\"fetch\","
        + "\"status\":\"completed\",\"message\":\"Finished step\"}}],\"directoryContents\":[" + contents
        + "],\"output\":{\"links\":[]},\"steps\":[{\"id\":\"fetch\",\"action\":\"fetch:template\"}]}";
  }

  @Test
  void fromDirectory_sendsTemplateInlineAndFilesRelativeToTheFolder() throws Exception {
    mock.enqueue(Fixtures.response("post-dry-run/create-service"));
    DryRunRequest request = DryRunRequest.fromDirectory(templateFolder()).value("name", "demo")
        .secrets(Secrets.of(Map.of("TOKEN", "s3cret"))).build();
    DryRunResult result = mock.client().templates().dryRun(request);

    RecordedRequest r = mock.take();
    assertEquals("/api/scaffolder/v2/dry-run", r.getPath());
    JsonNode body = Fixtures.JSON.readTree(r.getBody().readUtf8());
    assertEquals("hello", body.at("/template/metadata/name").asText());
    assertEquals("demo", body.at("/values/name").asText());
    Map<String, byte[]> sent = new HashMap<>();
    body.get("directoryContents").forEach(f -> sent.put(f.get("path").asText(),
        Base64.getDecoder().decode(f.get("base64Content").asText())));
    assertEquals(java.util.Set.of("template.yaml", "skeleton/catalog-info.yaml", "skeleton/docs/logo.bin"),
        sent.keySet());
    assertArrayEquals(BINARY, sent.get("skeleton/docs/logo.bin"));
    assertFalse(request.toString().contains("s3cret"));

    // the real server's answer: log, steps, output and produced files
    assertFalse(result.log().isEmpty());
    assertFalse(result.steps().isEmpty());
    assertTrue(result.files().stream().anyMatch(f -> f.path().equals("catalog-info.yaml")));
    assertTrue(result.files().stream().filter(f -> f.path().equals("catalog-info.yaml")).findFirst().orElseThrow()
        .text().contains("dry-service"));
  }

  @Test
  void producedFiles_areWrittenByteForByte() throws Exception {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("README.md", "# hi\n".getBytes(StandardCharsets.UTF_8));
    files.put("assets/logo.bin", BINARY);
    files.put("bin/run.sh", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
    mock.enqueue(Fixtures.json(200, result(files)));
    DryRunResult result = mock.client().templates().dryRun(DryRunRequest.fromDirectory(templateFolder()).build());

    Path target = tmp.resolve("out");
    List<Path> written = result.writeTo(target);

    assertEquals(3, written.size());
    assertArrayEquals(BINARY, Files.readAllBytes(target.resolve("assets/logo.bin")));
    assertEquals("# hi\n", Files.readString(target.resolve("README.md")));
    assertTrue(Files.isExecutable(target.resolve("bin/run.sh")));
    assertEquals("fetch", result.log().get(1).stepId());
    assertEquals(TaskStatus.COMPLETED, result.log().get(1).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape.txt", "/tmp/absolute.txt", "a/../../escape.txt", "a/b/../../../escape.txt",
      "C:/windows.txt", "a\\..\\..\\escape.txt", "", "a//b.txt"})
  void unsafePaths_areRejected_andNothingIsWritten(String path) throws Exception {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("ok.txt", "fine".getBytes(StandardCharsets.UTF_8));
    files.put(path, "evil".getBytes(StandardCharsets.UTF_8));
    mock.enqueue(Fixtures.json(200, result(files)));
    DryRunResult result = mock.client().templates().dryRun(DryRunRequest.fromDirectory(templateFolder()).build());
    Path target = tmp.resolve("out/inner");

    UnsafePathException e = assertThrows(UnsafePathException.class, () -> result.writeTo(target));

    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    try (Stream<Path> all = Files.walk(tmp.resolve("out"))) {
      assertEquals(List.of(), all.filter(Files::isRegularFile).toList(), "no file written anywhere");
    }
    assertFalse(Files.exists(tmp.resolve("escape.txt")));
  }

  @Test
  void aFileThatIsAlsoAFolderOfAnother_isRefusedBeforeAnythingIsWritten() throws Exception {
    // Before: "a" was written, then "a/b" failed, and the exception still said nothing was written.
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("a", "file".getBytes(StandardCharsets.UTF_8));
    files.put("a/b", "inside".getBytes(StandardCharsets.UTF_8));
    mock.enqueue(Fixtures.json(200, result(files)));
    DryRunResult result = mock.client().templates().dryRun(DryRunRequest.fromDirectory(templateFolder()).build());
    Path target = tmp.resolve("out");

    UnsafePathException e = assertThrows(UnsafePathException.class, () -> result.writeTo(target));

    assertEquals("a/b", e.path());
    assertTrue(e.getMessage().contains("produced as a file too"), e.getMessage());
    try (Stream<Path> all = Files.walk(target)) {
      assertEquals(List.of(), all.filter(Files::isRegularFile).toList(), "no file written");
    }
  }

  @Test
  void symlinkInTarget_isNotFollowed() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path target = Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(target.resolve("docs"), outside);
    Files.createSymbolicLink(target.resolve("README.md"), outside.resolve("README.md"));
    for (String path : List.of("docs/index.md", "README.md")) {
      mock.enqueue(Fixtures.json(200, result(Map.of(path, "evil".getBytes(StandardCharsets.UTF_8)))));
      DryRunResult result = mock.client().templates().dryRun(DryRunRequest.fromDirectory(templateFolder()).build());
      UnsafePathException e = assertThrows(UnsafePathException.class, () -> result.writeTo(target));
      assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }
    try (Stream<Path> all = Files.list(outside)) {
      assertEquals(0, all.count(), "nothing written through the links");
    }
  }

  @Test
  void symlinkInTemplateFolderPointingOutside_isRejected() throws Exception {
    Path dir = templateFolder();
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "do not send");
    Files.createSymbolicLink(dir.resolve("skeleton/leak.txt"), secret);
    UnsafePathException e = assertThrows(UnsafePathException.class, () -> DryRunRequest.fromDirectory(dir));
    assertEquals("skeleton/leak.txt", e.path());
  }

  @Test
  void invalidTemplateYaml_namesFileAndLine() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(dir.resolve("template.yaml"), "apiVersion: x\nkind: Template\nmetadata:\n  name: [unclosed\n");
    CatalogYamlException e = assertThrows(CatalogYamlException.class, () -> DryRunRequest.fromDirectory(dir));
    assertEquals(dir.resolve("template.yaml").toString(), e.file());
    assertEquals(5, e.line()); // the parser finds the missing ']' at the end of the file
    assertTrue(e.getMessage().startsWith(dir.resolve("template.yaml") + ":5:1: "), e.getMessage());
  }

  @Test
  void templateYaml_isReadAsYaml12_likeBackstage() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("yaml12"));
    Files.writeString(dir.resolve("template.yaml"), "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n"
        + "metadata:\n  name: t\n  title: yes\nspec:\n  owner: on\n  type: no\n  steps: []\n");
    Map<String, Object> template = DryRunRequest.fromDirectory(dir).build().template();
    assertEquals("yes", ((Map<?, ?>) template.get("metadata")).get("title"));
    assertEquals("on", ((Map<?, ?>) template.get("spec")).get("owner"));
    assertEquals("no", ((Map<?, ?>) template.get("spec")).get("type"));
  }

  @Test
  void invalidValues_throwInputException() throws Exception {
    mock.enqueue(Fixtures.response("post-dry-run/invalid-values-400"));
    assertThrows(InputException.class,
        () -> mock.client().templates().dryRun(DryRunRequest.fromDirectory(templateFolder()).build()));
  }

  @Test
  void notATemplate_throwsInputException() throws Exception {
    mock.enqueue(Fixtures.response("post-dry-run/not-a-template-400"));
    assertThrows(InputException.class, () -> mock.client().templates().dryRun(DryRunRequest.builder()
        .template(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component")).build()));
  }
}
