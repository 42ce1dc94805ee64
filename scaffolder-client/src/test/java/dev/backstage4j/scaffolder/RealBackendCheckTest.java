package dev.backstage4j.scaffolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.scaffolder.template.TemplateDefinition;
import dev.backstage4j.scaffolder.template.TemplateDefinitionTest;
import dev.backstage4j.scaffolder.template.TemplateValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against a real Backstage backend when {@code -Db4j.scaffolder.url=http://127.0.0.1:PORT} and
 * {@code -Db4j.scaffolder.token=...} are given (e.g. one started by conformance/backend); skipped otherwise.
 */
@EnabledIfSystemProperty(named = "b4j.scaffolder.url", matches = ".+")
class RealBackendCheckTest {
  @TempDir
  Path tmp;

  private final ScaffolderClient client = ScaffolderClient.create(URI.create(System.getProperty("b4j.scaffolder.url")),
      CredentialsProvider.staticToken(System.getProperty("b4j.scaffolder.token")));

  @Test
  void javaTemplate_validatesAgainstRealActions_andDryRunsToTheExpectedFiles() throws Exception {
    TemplateDefinition template = TemplateDefinitionTest.helloWorld();
    TemplateValidator.forServer(client).check(template);
    Path dir = Files.createDirectories(tmp.resolve("tpl/skeleton"));
    Files.writeString(dir.getParent().resolve("template.yaml"), template.toYaml());
    Files.writeString(dir.resolve("catalog-info.yaml"), "name: ${{ values.name }}\nowner: ${{ values.owner }}\n");
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    Files.write(dir.resolve("logo.bin"), binary);

    DryRunResult result = client.templates().dryRun(DryRunRequest.fromDirectory(dir.getParent())
        .value("name", "java-svc").value("owner", "group:default/platform-team").value("verbose", true).build());
    List<Path> written = result.writeTo(tmp.resolve("out"));

    assertEquals(2, written.size(), result.toString());
    assertEquals("name: java-svc\nowner: group:default/platform-team\n",
        Files.readString(tmp.resolve("out/catalog-info.yaml"), StandardCharsets.UTF_8));
    assertTrue(java.util.Arrays.equals(binary, Files.readAllBytes(tmp.resolve("out/logo.bin"))), "binary intact");
    assertEquals("https://example.com/java-svc",
        ((java.util.Map<?, ?>) ((List<?>) result.output().get("links")).get(0)).get("url"));
  }

  @Test
  void javaTemplateYaml_isAcceptedByTheRealCatalog() throws Exception {
    Object parsed = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(
        TemplateDefinitionTest.helloWorld().toYaml(), Object.class);
    String body = Fixtures.JSON.writeValueAsString(java.util.Map.of("entity", parsed,
        "location", "url:https://example.com/template.yaml"));
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(URI.create(System.getProperty("b4j.scaffolder.url")
            + "/api/catalog/validate-entity"))
            .header("Authorization", "Bearer " + System.getProperty("b4j.scaffolder.token"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void realTask_cancelledWhileFollowed_endsFailedWithCancelledEvent() {
    String id = client.tasks().create(TaskRequest.builder().templateRef("template:default/create-service")
        .value("name", "cancel-me").value("owner", "group:default/web-team").value("waitSeconds", 30).build());
    try (TaskEventStream stream = client.tasks().follow(id)) {
      stream.next(Duration.ofSeconds(30));
      client.tasks().cancel(id);
      TaskEvent last = null;
      boolean cancelled = false;
      for (TaskEvent e = stream.next(Duration.ofSeconds(30)); e != null; e = stream.next(Duration.ofSeconds(30))) {
        cancelled |= e.type() == TaskEventType.CANCELLED;
        last = e;
      }
      assertTrue(cancelled, "a cancelled event was delivered");
      assertEquals(TaskEventType.COMPLETION, last.type());
    }
    assertEquals(TaskStatus.FAILED, client.tasks().get(id).status());
  }

  @Test
  void realTask_followedLive_completes() {
    String id = client.tasks().create(TaskRequest.builder().templateRef("template:default/create-service")
        .value("name", "followed-svc").value("description", "followed live")
        .value("owner", "group:default/web-team").build());
    TaskResult result = client.tasks().awaitCompletion(id, Duration.ofSeconds(60));
    assertTrue(result.succeeded(), result.log().toString());
    assertEquals(TaskEventType.COMPLETION, result.log().get(result.log().size() - 1).type());
    assertTrue(client.tasks().list(TaskQuery.builder().newestFirst().limit(5).build()).tasks().stream()
        .anyMatch(t -> t.id().equals(id)));
  }
}
