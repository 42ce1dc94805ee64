package dev.backstage4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserActionTest {
  private static final String TEMPLATE = "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n"
      + "  name: publish\nspec:\n  type: service\n  steps:\n    - id: pub\n      name: Publish\n"
      + "      action: acme:publish\n      input:\n        repo: ${{ parameters.repo }}\n"
      + "    - id: bad\n      name: Boom\n      if: ${{ parameters.boom }}\n      action: acme:boom\n"
      + "  output:\n    remoteUrl: ${{ steps.pub.output.remoteUrl }}\n";

  @Test
  void userActions_runWithRenderedInputLogsOutputsAndFailures() throws Exception {
    try (FakeBackstage fake = FakeBackstage.builder().entitiesYaml(TEMPLATE)
        .action("acme:publish", ctx -> {
          ctx.log("publishing " + ctx.input().get("repo"));
          ctx.writeFile("README.md", "# " + ctx.input().get("repo"));
          ctx.output("remoteUrl", "https://git.example/" + ctx.input().get("repo"));
        })
        .action("acme:boom", ctx -> {
          throw new IllegalStateException("remote said no");
        })
        .build().start()) {
      Http http = new Http(fake);
      List<String> ids = new ArrayList<>();
      http.get("/api/scaffolder/v2/actions").json().forEach(a -> ids.add(a.get("id").asText()));
      assertTrue(ids.contains("acme:publish"), ids.toString());

      String ok = http.post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"publish\",\"values\":{\"repo\":\"shop\"}}")
          .json().get("id").asText();
      JsonNode done = awaitCompletion(http, ok);
      assertEquals("https://git.example/shop", done.at("/body/output/remoteUrl").asText());
      assertEquals("# shop", fake.taskWorkspace(ok).get("README.md"));

      String bad = http.post("/api/scaffolder/v2/tasks", "{\"templateRef\":\"template:default/publish\","
          + "\"values\":{\"repo\":\"shop\",\"boom\":true}}").json().get("id").asText();
      JsonNode failed = awaitCompletion(http, bad);
      assertEquals("Run completed with status: failed", failed.at("/body/message").asText());
      assertEquals("remote said no", failed.at("/body/error/message").asText());
      assertEquals("failed", http.get("/api/scaffolder/v2/tasks/" + bad).json().get("status").asText());
    }
  }

  private static JsonNode awaitCompletion(Http http, String id) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      for (JsonNode e : http.get("/api/scaffolder/v2/tasks/" + id + "/events").json()) {
        if (e.get("type").asText().equals("completion")) {
          return e;
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("task " + id + " did not complete");
  }
}
