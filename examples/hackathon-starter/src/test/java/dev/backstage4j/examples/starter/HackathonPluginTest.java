package dev.backstage4j.examples.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.actions.ActionsClient;
import dev.backstage4j.plugin.actions.RemoteAction;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hackathon plugin against the testkit: routed as an operator's discovery.endpoints routes it, its action
 * listed and invoked with the scaffolder's plugin tokens, and the example template running it as a step.
 */
class HackathonPluginTest {
  private FakeBackstage fake;
  private PluginServer server;

  @BeforeEach
  void start() throws Exception {
    fake = FakeBackstage.builder().sampleCatalog()
        .catalogFile(Path.of("templates/check-my-service/template.yaml")).build().start();
    server = PluginServer.start(HackathonPlugin.router(PluginIdentity.generate("hackathon"),
        ClientConfig.builder().baseUrl(fake.baseUrl()).build()), new InetSocketAddress("127.0.0.1", 0),
        "/api/hackathon", 4);
    fake.plugin("hackathon", URI.create("http://127.0.0.1:" + server.port() + "/api/hackathon"));
  }

  @AfterEach
  void stop() {
    server.close();
    fake.close();
  }

  private ActionsClient asScaffolderFor(String userToken) {
    return ActionsClient.create(ClientConfig.builder().baseUrl(fake.baseUrl()).discovery(fake.discovery())
        .credentials(CredentialsProvider.staticToken(fake.pluginToken("scaffolder", "hackathon", userToken)))
        .build());
  }

  @Test
  void scorecardLevel_isListedAsReadOnly_andGivesLevelPointsAndFixes() {
    try (ActionsClient actions = asScaffolderFor(fake.userToken("user:default/alice"))) {
      RemoteAction listed = actions.list("hackathon").get(0);
      assertEquals("hackathon:scorecard-level", listed.id());
      assertTrue(listed.supportsDryRun(), "read-only and non-destructive: runs in dry-run too");
      assertEquals(List.of("entityRef"), listed.inputSchema().get("required"));

      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) actions.invoke("hackathon:scorecard-level",
          Map.of("entityRef", "component:default/checkout-service"));
      assertEquals("component:default/checkout-service", out.get("entityRef"));
      assertTrue(List.of("none", "Bronze", "Silver", "Gold").contains(out.get("level")), out.toString());
      int points = ((Number) out.get("points")).intValue();
      int max = ((Number) out.get("maxPoints")).intValue();
      assertTrue(points >= 0 && points <= max && max > 0, out.toString());
      List<?> failing = (List<?>) out.get("failing");
      assertEquals(points == max, failing.isEmpty(), out.toString());
      failing.forEach(f -> assertFalse(String.valueOf(((Map<?, ?>) f).get("howToFix")).isBlank(), f.toString()));
    }
  }

  @Test
  void unknownEntity_isNotFound_badInput_isInputError() {
    try (ActionsClient actions = asScaffolderFor(fake.userToken("user:default/alice"))) {
      BackstageApiException missing = assertThrows(BackstageApiException.class,
          () -> actions.invoke("hackathon:scorecard-level", Map.of("entityRef", "component:default/nope")));
      assertEquals("NotFoundError", missing.error().name());
      BackstageApiException bad = assertThrows(BackstageApiException.class,
          () -> actions.invoke("hackathon:scorecard-level", Map.of("ref", "x")));
      assertEquals(400, bad.error().statusCode());
      assertTrue(bad.error().message().contains("entityRef"), bad.error().message());
    }
  }

  @Test
  void theExampleTemplate_runsTheJavaAction_asAStep() {
    try (ScaffolderClient scaffolder = ScaffolderClient.create(fake.baseUrl(),
        CredentialsProvider.staticToken(fake.userToken("user:default/alice")))) {
      String id = scaffolder.tasks().create(TaskRequest.builder().templateRef("template:default/check-my-service")
          .value("entityRef", "component:default/checkout-service").build());
      TaskResult result = scaffolder.tasks().awaitCompletion(id, Duration.ofSeconds(30));

      assertTrue(result.succeeded(), () -> "failed: " + result.errorMessage());
      assertTrue(List.of("none", "Bronze", "Silver", "Gold").contains(result.output().get("level")),
          result.output().toString());
      assertTrue(result.log().stream().anyMatch(e -> e.plainMessage().contains(
          "component:default/checkout-service is " + result.output().get("level") + " with")),
          "the report step saw the action's output");
    }
  }
}
