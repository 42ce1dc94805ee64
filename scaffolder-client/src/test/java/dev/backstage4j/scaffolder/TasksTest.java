package dev.backstage4j.scaffolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.OutcomeUnknownException;
import dev.backstage4j.core.ResponseCompression;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.testsupport.LogCapture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TasksTest {
  private static final String SECRET = "ghp_super-secret-value-123";

  @RegisterExtension
  final MockServer mock = new MockServer();

  @Test
  void create_sendsTemplateRefValuesAndSecrets_returnsId() throws Exception {
    mock.enqueue(Fixtures.response("post-tasks/created-201"));
    String id = mock.client().tasks().create(TaskRequest.builder().templateRef("hello-world").value("name", "svc")
        .value("waitSeconds", 2).secret("someSecret", "shh").build());

    assertEquals(Fixtures.exchange("post-tasks/created-201").at("/response/body/id").asText(), id);
    RecordedRequest r = mock.take();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/scaffolder/v2/tasks", r.getPath());
    JsonNode body = Fixtures.JSON.readTree(r.getBody().readUtf8());
    assertEquals("template:default/hello-world", body.get("templateRef").asText());
    assertEquals("svc", body.at("/values/name").asText());
    assertEquals(2, body.at("/values/waitSeconds").asInt());
    assertEquals("shh", body.at("/secrets/someSecret").asText());
  }

  @Test
  void create_valuesFailingSchema_throwsInputExceptionNamingTheField() {
    mock.enqueue(Fixtures.response("post-tasks/invalid-values-400"));
    InputException e = assertThrows(InputException.class, () -> mock.client().tasks().create(
        TaskRequest.builder().templateRef("template:default/create-service").value("name", "Bad Name").build()));
    assertFalse(e.details().isEmpty());
    assertTrue(e.getMessage().contains("pattern"), e.getMessage());
  }

  @Test
  void create_unknownTemplate_throwsNotFound() {
    mock.enqueue(Fixtures.response("post-tasks/unknown-template-404"));
    assertThrows(NotFoundException.class, () -> mock.client().tasks().create(
        TaskRequest.builder().templateRef("template:default/nope").build()));
  }

  @Test
  void create_connectionResetMidResponse_outcomeUnknownWithHint_exactlyOneRequest() throws Exception {
    mock.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
        .setBody("{\"id\":\"43e2d549-23c7-4238-bf27-fc3f96da32cd\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    mock.enqueue(Fixtures.response("post-tasks/created-201"));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> mock.client().tasks().create(
        TaskRequest.builder().templateRef("hello-world").secret("token", SECRET).build()));

    assertTrue(e.getMessage().contains("list your tasks (createdBy / newest first)"), e.getMessage());
    assertFalse(e.isRetryable());
    assertEquals(1, mock.server().getRequestCount(), "task creation must never be repeated");
  }

  @Test
  void secrets_neverInToStringExceptionsOrLogs() throws Exception {
    mock.enqueue(Fixtures.json(400, "{\"errors\":[{\"path\":[\"token\"],\"property\":\"secrets.token\","
        + "\"message\":\"does not match pattern\",\"name\":\"pattern\",\"stack\":\"secrets.token does not match\"}]}"));
    TaskRequest request = TaskRequest.builder().templateRef("hello-world").secret("token", SECRET).build();
    String failure;
    try (LogCapture logs = LogCapture.start()) {
      failure = assertThrows(InputException.class, () -> mock.client().tasks().create(request)).getMessage();
      mock.enqueue(Fixtures.response("post-tasks/created-201"));
      mock.client().tasks().create(request);
      assertTrue(logs.lines().size() > 0, "calls are logged at DEBUG/TRACE");
      assertFalse(logs.text().contains(SECRET), logs.text());
    }
    assertFalse(failure.contains(SECRET), failure);
    assertFalse(request.toString().contains(SECRET), request.toString());
    assertFalse(request.secrets().toString().contains(SECRET));
    assertEquals("Secrets{token=***}", request.secrets().toString());
    // the secret did reach the server, where it belongs
    assertTrue(mock.take().getBody().readUtf8().contains(SECRET));
  }

  @Test
  void get_parsesTaskStatusAndSpec() throws Exception {
    mock.enqueue(Fixtures.response("get-task/completed"));
    Task task = mock.client().tasks().get("abad0c7d-dfea-4685-84f7-d6e4203c623a");
    assertEquals(TaskStatus.COMPLETED, task.status());
    assertEquals("abad0c7d-dfea-4685-84f7-d6e4203c623a", task.id());
    assertTrue(task.templateRef().isPresent());
    assertFalse(task.parameters().isEmpty());
    assertEquals("/api/scaffolder/v2/tasks/abad0c7d-dfea-4685-84f7-d6e4203c623a", mock.take().getPath());
  }

  @Test
  void get_cancelledTask_isFailedAsOnTheRealServer() {
    mock.enqueue(Fixtures.response("get-task/cancelled"));
    assertEquals(TaskStatus.FAILED, mock.client().tasks().get("ad71d473-016c-4fda-ad9b-14852cdbb04d").status());
  }

  @Test
  void get_unknownTask_throwsNotFound() {
    mock.enqueue(Fixtures.response("get-task/unknown-404"));
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> mock.client().tasks().get("00000000-0000-0000-0000-000000000000"));
    assertTrue(e.getMessage().contains("00000000-0000-0000-0000-000000000000"), e.getMessage());
  }

  @Test
  void unknownStatus_mapsToUnknown() {
    mock.enqueue(Fixtures.json(200, "{\"id\":\"x\",\"status\":\"paused\",\"spec\":{}}"));
    assertEquals(TaskStatus.UNKNOWN, mock.client().tasks().get("x").status());
  }

  @Test
  void list_sendsFiltersPagingAndOrder_readsTotal() throws Exception {
    mock.enqueue(Fixtures.response("get-tasks/paged-ordered"));
    TaskList list = mock.client().tasks().list(TaskQuery.builder().createdBy("user:default/jane")
        .status(TaskStatus.COMPLETED).status(TaskStatus.FAILED).limit(2).offset(1).newestFirst().build());
    assertFalse(list.tasks().isEmpty());
    assertTrue(list.totalTasks().isPresent());
    assertEquals("/api/scaffolder/v2/tasks?createdBy=user%3Adefault%2Fjane&status=completed&status=failed"
        + "&order=desc%3Acreated_at&limit=2&offset=1", mock.take().getPath());
  }

  @Test
  void list_badOrder_throwsInputException() {
    mock.enqueue(Fixtures.response("get-tasks/bad-order-400"));
    assertThrows(InputException.class, () -> mock.client().tasks().list(TaskQuery.builder().orderDescending("bogus")
        .build()));
  }

  @Test
  void cancel_postsWithoutRetrying() throws Exception {
    mock.enqueue(Fixtures.response("post-task-cancel/ok"));
    mock.client().tasks().cancel("ad71d473-016c-4fda-ad9b-14852cdbb04d");
    RecordedRequest r = mock.take();
    assertEquals("POST", r.getMethod());
    assertEquals("/api/scaffolder/v2/tasks/ad71d473-016c-4fda-ad9b-14852cdbb04d/cancel", r.getPath());
  }

  @Test
  void cancel_unknownTask_throwsNotFound() {
    mock.enqueue(Fixtures.response("post-task-cancel/unknown-404"));
    assertThrows(NotFoundException.class, () -> mock.client().tasks().cancel("00000000-0000-0000-0000-000000000000"));
  }

  @Test
  void retry_sendsFreshSecrets_returnsSameId() throws Exception {
    mock.enqueue(Fixtures.response("post-task-retry/ok-201"));
    String id = mock.client().tasks().retry("ad71d473-016c-4fda-ad9b-14852cdbb04d", Secrets.of(java.util.Map.of("t", "s")));
    assertEquals("ad71d473-016c-4fda-ad9b-14852cdbb04d", id);
    RecordedRequest r = mock.take();
    assertEquals("/api/scaffolder/v2/tasks/ad71d473-016c-4fda-ad9b-14852cdbb04d/retry", r.getPath());
    assertEquals("{\"secrets\":{\"t\":\"s\"}}", r.getBody().readUtf8());
  }

  @Test
  void events_sendsAfter_parsesTypedEvents() throws Exception {
    mock.enqueue(Fixtures.response("get-task-events/cancelled"));
    List<TaskEvent> events = mock.client().tasks().events("ad71d473-016c-4fda-ad9b-14852cdbb04d", 29);
    assertEquals("/api/scaffolder/v2/tasks/ad71d473-016c-4fda-ad9b-14852cdbb04d/events?after=29", mock.take().getPath());
    TaskEvent last = events.get(events.size() - 1);
    assertEquals(TaskEventType.COMPLETION, last.type());
    assertTrue(last.errorMessage().contains("cancelled"), last.errorMessage());
    assertTrue(events.stream().anyMatch(e -> e.type() == TaskEventType.CANCELLED));
    assertTrue(events.stream().allMatch(e -> !e.plainMessage().contains("\u001b")));
  }

  @Test
  void events_withoutAfter_sendsNoQuery() throws Exception {
    mock.enqueue(Fixtures.response("get-task-events/all"));
    List<TaskEvent> events = mock.client().tasks().events("abad0c7d-dfea-4685-84f7-d6e4203c623a", 0);
    assertEquals("/api/scaffolder/v2/tasks/abad0c7d-dfea-4685-84f7-d6e4203c623a/events", mock.take().getPath());
    assertEquals(TaskEventType.COMPLETION, events.get(events.size() - 1).type());
    assertNull(events.get(0).errorMessage());
  }

  @Test
  void events_longPoll_outlastsTheConfiguredReadTimeout() throws Exception {
    ScaffolderClient shortTimeout = Fixtures.client(mock.server(), java.time.Duration.ofMillis(500));
    mock.enqueue(Fixtures.json(200, "[]").setBodyDelay(1500, TimeUnit.MILLISECONDS));
    assertEquals(List.of(), shortTimeout.tasks().events("t1", 33), "the server may hold /events up to 30 s");
  }

  @Test
  void get_badTimestamp_throwsDecodingExceptionWithTheJsonPath_insteadOfNull() {
    mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"id\":\"t1\",\"status\":\"open\",\"createdAt\":\"yesterday\"}"));
    BackstageDecodingException e = assertThrows(BackstageDecodingException.class,
        () -> mock.client().tasks().get("t1"));
    assertEquals("$.createdAt", e.jsonPath());
    assertTrue(e.getMessage().contains("ISO-8601") && e.getMessage().contains("yesterday"), e.getMessage());
  }

  @Test
  void list_wrongShapeInOneTask_namesItsIndex() {
    mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"tasks\":[{\"id\":\"a\",\"status\":\"open\"},{\"id\":\"b\",\"spec\":[1]}]}"));
    BackstageDecodingException e = assertThrows(BackstageDecodingException.class,
        () -> mock.client().tasks().list(TaskQuery.builder().build()));
    assertEquals("$.tasks[1].spec", e.jsonPath());
  }

  @Test
  void builder_offersTheCatalogClientsShortcuts_applicationNameAndCompressionReachTheRequest() throws Exception {
    mock.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"id\":\"t1\",\"status\":\"open\"}"));
    try (ScaffolderClient client = ScaffolderClient.builder().baseUrl(mock.server().url("/").toString())
        .token("t").applicationName("release-bot").compression(ResponseCompression.GZIP)
        .readTimeout(java.time.Duration.ofSeconds(5)).retry(RetryOptions.disabled()).build()) {
      assertEquals("t1", client.tasks().get("t1").id());
    }
    RecordedRequest r = mock.take();
    assertTrue(r.getHeader("User-Agent").endsWith("(release-bot)"), r.getHeader("User-Agent"));
    assertEquals("gzip", r.getHeader("Accept-Encoding"));
  }
}
