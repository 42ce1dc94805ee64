package dev.backstage4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@BackstageTest
class ScaffolderBehaviourTest {

  private static JsonNode awaitCompletion(Http http, String id) {
    long after = -1;
    List<JsonNode> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      JsonNode events = http.get("/api/scaffolder/v2/tasks/" + id + "/events?after=" + after).json();
      for (JsonNode e : events) {
        if (e.get("id").asLong() > after) {
          all.add(e);
          after = e.get("id").asLong();
        }
        if (e.get("type").asText().equals("completion")) {
          return Http.JSON.valueToTree(all);
        }
      }
    }
    throw new AssertionError("no completion");
  }

  @Test
  void actions_listTheImplementedBuiltins(FakeBackstage fake) {
    JsonNode actions = new Http(fake).get("/api/scaffolder/v2/actions").json();
    List<String> ids = new ArrayList<>();
    actions.forEach(a -> ids.add(a.get("id").asText()));
    assertTrue(ids.containsAll(List.of("catalog:write", "debug:log", "debug:wait", "fetch:plain",
        "fetch:template")), ids.toString());
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(String::compareTo);
    assertEquals(sorted, ids);
  }

  @Test
  void parameterSchema_namespaceBeforeKind(FakeBackstage fake) {
    Http http = new Http(fake);
    JsonNode s = http.get("/api/scaffolder/v2/templates/default/template/create-service/parameter-schema").json();
    assertEquals("Create a service", s.get("title").asText());
    assertEquals("Service", s.at("/steps/0/title").asText());
    assertEquals("^[a-z0-9-]+$", s.at("/steps/0/schema/properties/name/pattern").asText());
    Http.Res missing = http.get("/api/scaffolder/v2/templates/default/template/nope/parameter-schema");
    assertEquals(404, missing.status());
    assertEquals("Template template:default/nope not found", missing.json().at("/error/message").asText());
  }

  @Test
  void task_runsStepsWithTheRealEventSequenceAndRendersTheSkeleton(FakeBackstage fake) {
    Http http = new Http(fake);
    Http.Res created = http.post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"template:default/create-service\","
        + "\"values\":{\"name\":\"svc-one\",\"owner\":\"group:default/web-team\"},\"secrets\":{\"tok\":\"shh\"}}");
    assertEquals(201, created.status());
    String id = created.json().get("id").asText();
    JsonNode events = awaitCompletion(http, id);
    assertEquals("Starting up task with 3 steps", events.get(0).at("/body/message").asText());
    assertEquals("Beginning step Render skeleton", events.get(1).at("/body/message").asText());
    assertEquals("processing", events.get(1).at("/body/status").asText());
    List<String> messages = new ArrayList<>();
    events.forEach(e -> messages.add(e.at("/body/message").asText()));
    int skip = messages.indexOf("Skipping step wait because its if condition was false");
    assertEquals("Beginning step Wait", messages.get(skip - 1)); // a skipped step is begun first (4.2.0)
    assertTrue(messages.contains("\u001b[32minfo\u001b[39m: Rendered svc-one for group:default/web-team"),
        messages.toString());
    JsonNode completion = events.get(events.size() - 1);
    assertEquals("completion", completion.get("type").asText());
    assertEquals("Run completed with status: completed", completion.at("/body/message").asText());
    assertEquals("Created svc-one owned by group:default/web-team", completion.at("/body/output/text/0/content")
        .asText());
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i).get("id").asLong() > events.get(i - 1).get("id").asLong());
    }
    JsonNode task = http.get("/api/scaffolder/v2/tasks/" + id).json();
    assertEquals("completed", task.get("status").asText());
    assertEquals("template:default/create-service", task.at("/spec/templateInfo/entityRef").asText());
    assertEquals("{}", task.at("/spec/user").toString());
    assertFalse(task.toString().contains("shh"));
    String rendered = fake.taskWorkspace(id).get("catalog-info.yaml");
    assertTrue(rendered.contains("name: svc-one"), rendered);
    assertTrue(rendered.contains("owner: group:default/web-team"), rendered);
    // completion is always returned, whatever `after` is
    long last = completion.get("id").asLong();
    JsonNode again = http.get("/api/scaffolder/v2/tasks/" + id + "/events?after=" + last).json();
    assertEquals(1, again.size());
    assertEquals("completion", again.get(0).get("type").asText());
    JsonNode list = http.get("/api/scaffolder/v2/tasks?limit=1&order=desc:created_at").json();
    assertTrue(list.get("totalTasks").asInt() >= 1);
    assertEquals(1, list.get("tasks").size());
  }

  @Test
  void task_invalidValues_is400WithJsonschemaErrors(FakeBackstage fake) {
    Http.Res r = new Http(fake).post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"template:default/create-service\","
        + "\"values\":{\"name\":\"Bad Name\",\"owner\":\"x\"}}");
    assertEquals(400, r.status());
    JsonNode e = r.json().at("/errors/0");
    assertEquals("instance.name", e.get("property").asText());
    assertEquals("does not match pattern \"^[a-z0-9-]+$\"", e.get("message").asText());
    assertEquals("pattern", e.get("name").asText());
    assertEquals("instance.name does not match pattern \"^[a-z0-9-]+$\"", e.get("stack").asText());
    Http.Res unknown = new Http(fake).post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"template:default/nope\","
        + "\"values\":{}}");
    assertEquals(404, unknown.status());
    assertEquals("Template template:default/nope not found", unknown.json().at("/error/message").asText());
  }

  @Test
  void cancel_emitsCancelledThenFailsTheTask(FakeBackstage fake) throws Exception {
    Http http = new Http(fake);
    String id = http.post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"template:default/create-service\","
        + "\"values\":{\"name\":\"slow\",\"owner\":\"group:default/web-team\",\"waitSeconds\":60}}").json()
        .get("id").asText();
    for (int i = 0; i < 100; i++) {
      JsonNode ev = http.get("/api/scaffolder/v2/tasks/" + id + "/events").json();
      if (ev.toString().contains("Beginning step Wait")) {
        break;
      }
      Thread.sleep(20);
    }
    Http.Res cancel = http.post("/api/scaffolder/v2/tasks/" + id + "/cancel", "");
    assertEquals(200, cancel.status());
    assertEquals("{\"status\":\"cancelled\"}", cancel.body());
    JsonNode events = awaitCompletion(http, id);
    int n = events.size();
    assertEquals("cancelled", events.get(n - 3).get("type").asText());
    assertEquals("Step wait has been cancelled.", events.get(n - 3).at("/body/message").asText());
    assertEquals("failed", events.get(n - 2).at("/body/status").asText());
    assertEquals("Step wait (Wait) of task " + id + " has been cancelled.",
        events.get(n - 1).at("/body/error/message").asText());
    assertEquals("failed", http.get("/api/scaffolder/v2/tasks/" + id).json().get("status").asText());
    assertEquals(404, http.post("/api/scaffolder/v2/tasks/00000000-0000-0000-0000-000000000000/cancel", "")
        .status());
  }

  @Test
  void eventStream_sendsSseFramesAndClosesAfterCompletion(FakeBackstage fake) throws Exception {
    Http http = new Http(fake);
    String id = http.post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"template:default/docs-site\","
        + "\"values\":{\"name\":\"docs\",\"owner\":\"group:default/web-team\"}}").json().get("id").asText();
    HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(http.base("/api/scaffolder/v2/tasks/" + id
        + "/eventstream").header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
    List<String> types = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) { // ends because the server closes the stream
        if (line.startsWith("event: ")) {
          types.add(line.substring(7));
        } else if (line.startsWith("data: ")) {
          assertTrue(Http.JSON.readTree(line.substring(6)).has("taskId"));
        }
      }
    }
    assertEquals("completion", types.get(types.size() - 1));
    assertEquals("log", types.get(0));
    String yaml = fake.taskWorkspace(id).get("catalog-info.yaml");
    assertTrue(yaml.contains("name: docs"), yaml);
    assertTrue(fake.taskWorkspace(id).containsKey("docs/index.md"));
  }

  @Test
  void unknownAction_failsTheTaskWithNotFoundError(FakeBackstage fake) {
    String tpl = "{\"apiVersion\":\"scaffolder.backstage.io/v1beta3\",\"kind\":\"Template\",\"metadata\":{\"name\":"
        + "\"t\"},\"spec\":{\"type\":\"x\",\"steps\":[{\"id\":\"p\",\"action\":\"publish:github\"}]}}";
    JsonNode r = new Http(fake).post("/api/scaffolder/v2/dry-run", "{\"template\":" + tpl
        + ",\"values\":{},\"directoryContents\":[]}").json();
    JsonNode log = r.get("log");
    JsonNode lastLog = log.get(log.size() - 1).get("body");
    assertEquals("failed", lastLog.get("status").asText());
    assertTrue(lastLog.get("message").asText().startsWith("NotFoundError: Template action with ID 'publish:github'"
        + " is not registered."), lastLog.toString());
  }

  @Test
  void dryRun_rendersInlineFilesAndSkipsActionsWithoutDryRun(FakeBackstage fake) {
    String tpl = "{\"apiVersion\":\"scaffolder.backstage.io/v1beta3\",\"kind\":\"Template\",\"metadata\":{\"name\":"
        + "\"hello\"},\"spec\":{\"type\":\"service\",\"parameters\":[{\"required\":[\"name\"],\"properties\":"
        + "{\"name\":{\"type\":\"string\"}}}],\"steps\":[{\"id\":\"fetch\",\"name\":\"Render\",\"action\":"
        + "\"fetch:template\",\"input\":{\"url\":\"./skeleton\",\"values\":{\"name\":\"${{ parameters.name }}\"}}},"
        + "{\"id\":\"wait\",\"name\":\"Wait\",\"action\":\"debug:wait\",\"input\":{\"seconds\":1}}],\"output\":"
        + "{\"text\":[{\"content\":\"Created ${{ parameters.name }} owned by ${{ parameters.owner }}\"}]}}}";
    String file = Base64.getEncoder().encodeToString("name: ${{ values.name }}\n".getBytes(StandardCharsets.UTF_8));
    JsonNode r = new Http(fake).post("/api/scaffolder/v2/dry-run", "{\"template\":" + tpl + ",\"values\":{\"name\":"
        + "\"dry-svc\"},\"secrets\":{},\"directoryContents\":[{\"path\":\"skeleton/catalog-info.yaml\","
        + "\"base64Content\":\"" + file + "\"}]}").json();
    assertEquals("Starting up task with 3 steps", r.at("/log/0/body/message").asText());
    assertEquals("catalog-info.yaml", r.at("/directoryContents/0/path").asText());
    assertEquals("name: dry-svc\n", new String(Base64.getDecoder().decode(r.at("/directoryContents/0/base64Content")
        .asText()), StandardCharsets.UTF_8));
    assertEquals("Created dry-svc owned by ", r.at("/output/text/0/content").asText());
    JsonNode log = r.get("log");
    JsonNode skip = log.get(log.size() - 1).get("body");
    assertEquals("Skipping because debug:wait does not support dry-run", skip.get("message").asText());
    assertEquals("skipped", skip.get("status").asText());
    assertEquals("fetch", r.at("/steps/0/id").asText());
  }

  @Test
  void templatingExtensionsAndAutocomplete_answerLikeABareBackend(FakeBackstage fake) {
    Http http = new Http(fake);
    JsonNode filters = http.get("/api/scaffolder/v2/templating-extensions").json().get("filters");
    List<String> names = new ArrayList<>();
    filters.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("parseRepoUrl", "parseEntityRef", "pick", "projectSlug"), names);
    Http.Res r = http.post("/api/scaffolder/v2/autocomplete/no-such-provider/repositories",
        "{\"token\":\"t\",\"context\":{}}");
    assertEquals(400, r.status());
    assertEquals("Unsupported provider: no-such-provider", r.json().at("/error/message").asText());
  }

  @Test
  void repoUrlFilters_inTemplates(FakeBackstage fake) {
    String tpl = "{\"apiVersion\":\"scaffolder.backstage.io/v1beta3\",\"kind\":\"Template\",\"metadata\":{\"name\":"
        + "\"t\"},\"spec\":{\"type\":\"x\",\"steps\":[],\"output\":{\"slug\":\"${{ parameters.repoUrl | projectSlug }}\"}}}";
    JsonNode r = new Http(fake).post("/api/scaffolder/v2/dry-run", "{\"template\":" + tpl
        + ",\"values\":{\"repoUrl\":\"github.com?owner=acme&repo=shop\"},\"directoryContents\":[]}").json();
    assertEquals("acme/shop", r.at("/output/slug").asText());
  }
}
