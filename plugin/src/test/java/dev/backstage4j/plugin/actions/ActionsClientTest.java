package dev.backstage4j.plugin.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.testsupport.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ActionsClient against MockWebServer answering as Backstage's Node actions registry does. */
class ActionsClientTest {
  /** The catalog's list as the real backend sent it (plugin-protocol.md §2.1), trimmed to one action. */
  private static final String CATALOG_LIST = """
      {"actions":[{"id":"catalog:get-catalog-entity","name":"get-catalog-entity","title":"Get Catalog Entity",
       "description":"Find a single entity","pluginId":"catalog",
       "attributes":{"destructive":false,"idempotent":true,"readOnly":true},
       "schema":{"input":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],
         "additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"},
        "output":{"type":"object","properties":{},"additionalProperties":true,
         "$schema":"http://json-schema.org/draft-07/schema#"}}}]}""";

  private final MockWebServer backstage = new MockWebServer();
  private ActionsClient client;

  @BeforeEach
  void start() throws Exception {
    backstage.start();
    client = ActionsClient.create(ClientConfig.builder().baseUrl(backstage.url("/").toString())
        .token("static-token-123456").retry(RetryOptions.disabled())
        .circuitBreaker(CircuitBreakerOptions.disabled()).build());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    backstage.close();
  }

  private void reply(int status, String json) {
    backstage.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody(json));
  }

  private RecordedRequest taken() throws InterruptedException {
    return backstage.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void list_readsNodesList() throws Exception {
    reply(200, CATALOG_LIST);

    List<RemoteAction> actions = client.list("catalog");

    RecordedRequest r = taken();
    assertEquals("GET", r.getMethod());
    assertEquals("/api/catalog/.backstage/actions/v1/actions", r.getPath());
    assertEquals("Bearer static-token-123456", r.getHeader("Authorization"));
    RemoteAction a = actions.get(0);
    assertEquals("catalog:get-catalog-entity", a.id());
    assertEquals("get-catalog-entity", a.name());
    assertEquals("catalog", a.pluginId());
    assertEquals("Get Catalog Entity", a.title());
    assertTrue(a.supportsDryRun());
    assertEquals(List.of("name"), a.inputSchema().get("required"));
    assertNull(a.secretsSchema());
  }

  @Test
  void invoke_postsTheInputToThePluginOfTheIdPrefix_andReturnsTheOutput() throws Exception {
    reply(200, "{\"output\":{\"greeting\":\"Hello, ada!\"}}");

    Object output = client.withCredentials(CredentialsProvider.staticToken("caller-token-abcdef"))
        .invoke("javatest:hello", Map.of("name", "ada"));

    RecordedRequest r = taken();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/javatest/.backstage/actions/v1/actions/javatest:hello/invoke", r.getPath());
    assertEquals("{\"name\":\"ada\"}", r.getBody().readUtf8());
    assertEquals("Bearer caller-token-abcdef", r.getHeader("Authorization"));
    assertEquals(Map.of("greeting", "Hello, ada!"), output);
  }

  @Test
  void invokeWithSecrets_usesV2_andNeverLogsTheBody() throws Exception {
    reply(200, "{\"output\":[1,2]}");
    Object output;
    try (LogCapture logs = LogCapture.start()) {
      output = client.invoke("javatest:deploy", Map.of("env", "prod"), Map.of("apiKey", "very-secret-api-key"));
      assertFalse(logs.text().contains("very-secret-api-key"), logs.text());
    }

    RecordedRequest r = taken();
    assertEquals("/api/javatest/.backstage/actions/v2/actions/javatest:deploy/invoke", r.getPath());
    assertEquals("{\"input\":{\"env\":\"prod\"},\"secrets\":{\"apiKey\":\"very-secret-api-key\"}}",
        r.getBody().readUtf8());
    assertEquals(List.of(1, 2), output);
  }

  @Test
  void aRemoteError_raisesBackstageApiException_withItsNameAndMessage() {
    reply(409, "{\"error\":{\"name\":\"ConflictError\",\"message\":\"java side refused\"},"
        + "\"request\":{\"method\":\"POST\",\"url\":\"/x\"},\"response\":{\"statusCode\":409}}");

    BackstageApiException e = assertThrows(BackstageApiException.class,
        () -> client.invoke("javatest:conflict", Map.of()));

    assertEquals(409, e.error().statusCode());
    assertEquals("ConflictError", e.error().name());
    assertEquals("java side refused", e.error().message());
  }

  @Test
  void anIdWithoutPlugin_isRefusedBeforeAnyCall() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.invoke("hello", Map.of()));
    assertEquals("an action id is <pluginId>:<name>, got \"hello\"", e.getMessage());
    assertEquals(0, backstage.getRequestCount());
  }
}
