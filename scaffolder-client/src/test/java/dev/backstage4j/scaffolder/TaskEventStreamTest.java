package dev.backstage4j.scaffolder;

import static dev.backstage4j.scaffolder.Fixtures.event;
import static dev.backstage4j.scaffolder.Fixtures.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskEventStreamTest {
  private MockWebServer server;
  private final List<String> paths = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static MockResponse sseResponse(String body) {
    return new MockResponse().setHeader("Content-Type", "text/event-stream").setHeader("Cache-Control", "no-cache")
        .setBody(body);
  }

  /** Sends event 1 at once, then stalls for 2 s before event 2 (the real server sends no heartbeats). */
  private static MockResponse stalledAfterFirstEvent() {
    String firstEvent = sse("log", event(1, "log", "first"));
    return sseResponse(firstEvent + sse("log", event(2, "log", "late")))
        .throttleBody(firstEvent.length(), 2, TimeUnit.SECONDS);
  }

  private static List<Long> ids(List<TaskEvent> events) {
    return events.stream().map(TaskEvent::id).collect(Collectors.toList());
  }

  private static List<TaskEvent> drain(TaskEventStream stream) {
    List<TaskEvent> out = new ArrayList<>();
    stream.forEachRemaining(out::add);
    return out;
  }

  @Test
  void follow_realEventStream_deliversEveryEventThenEnds() throws Exception {
    server.enqueue(Fixtures.response("get-task-eventstream/completed"));
    ScaffolderClient client = Fixtures.client(server);
    List<TaskEvent> events;
    try (TaskEventStream stream = client.tasks().follow("abad0c7d-dfea-4685-84f7-d6e4203c623a")) {
      events = drain(stream);
    }
    assertEquals(TaskEventType.COMPLETION, events.get(events.size() - 1).type());
    assertEquals(TaskEventType.LOG, events.get(0).type());
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i).id() > events.get(i - 1).id(), "ids ascend");
    }
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/api/scaffolder/v2/tasks/abad0c7d-dfea-4685-84f7-d6e4203c623a/eventstream", r.getPath());
    assertEquals("text/event-stream", r.getHeader("Accept"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void droppedStream_isResumedAfterLastId_withoutLossOrDuplicates() throws Exception {
    // 1st connection: the frames of events 1, 2, 3 and 5 (ids have gaps: one sequence for all tasks)
    String first = sse("log", event(1, "log", "one")) + sse("log", event(2, "log", "two"))
        + sse("log", event(3, "log", "three")) + sse("log", event(5, "log", "five"));
    server.setDispatcher(new Dispatcher() {
      private int calls;

      @Override
      public MockResponse dispatch(RecordedRequest request) {
        paths.add(request.getPath());
        if (calls++ == 0) {
          // DISCONNECT_DURING_RESPONSE_BODY sends half the body: events 1 and 2 arrive, then the socket closes
          return sseResponse(first).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
        }
        // 2nd connection: the server replays from after=<last id>; send one duplicate to prove de-duplication
        long after = Long.parseLong(request.getRequestUrl().queryParameter("after"));
        StringBuilder body = new StringBuilder(sse("log", event(after, "log", "replayed duplicate")));
        for (long id = after + 1; id <= 6; id++) {
          body.append(sse("log", event(id, "log", "event " + id)));
        }
        body.append(sse("completion", event(9, "completion", "Run completed with status: completed")));
        return sseResponse(body.toString());
      }
    });
    ScaffolderClient client = Fixtures.client(server);
    List<TaskEvent> events;
    try (TaskEventStream stream = client.tasks().follow("t1")) {
      events = drain(stream);
    }
    assertEquals(2, paths.size(), paths.toString());
    assertEquals("/api/scaffolder/v2/tasks/t1/eventstream", paths.get(0));
    long resumedAfter = Long.parseLong(paths.get(1).replaceAll(".*after=", ""));
    assertTrue(resumedAfter >= 1, paths.toString());
    List<Long> got = ids(events);
    assertEquals(got.stream().distinct().count(), got.size(), "no duplicates: " + got);
    assertEquals(9L, got.get(got.size() - 1));
    // everything up to the resume point came from the 1st connection, everything after it from the 2nd
    List<Long> expected = new ArrayList<>(List.of(1L, 2L, 3L, 5L));
    expected.removeIf(id -> id > resumedAfter);
    for (long id = resumedAfter + 1; id <= 6; id++) {
      expected.add(id);
    }
    expected.add(9L);
    assertEquals(expected, got);
  }

  @Test
  void serverClosingBeforeCompletion_reconnectsWithAfter() throws Exception {
    server.enqueue(sseResponse(sse("log", event(10, "log", "a")) + sse("log", event(12, "log", "b"))));
    server.enqueue(sseResponse(sse("log", event(13, "log", "c"))
        + sse("completion", event(14, "completion", "done"))));
    ScaffolderClient client = Fixtures.client(server);
    List<TaskEvent> events;
    try (TaskEventStream stream = client.tasks().follow("t1")) {
      events = drain(stream);
      assertEquals(14, stream.lastEventId());
    }
    assertEquals(List.of(10L, 12L, 13L, 14L), ids(events));
    server.takeRequest();
    assertEquals("/api/scaffolder/v2/tasks/t1/eventstream?after=12", server.takeRequest().getPath());
  }

  @Test
  void stalledStream_reconnectsAfterReadTimeout_andResumes() throws Exception {
    server.enqueue(stalledAfterFirstEvent());
    server.enqueue(sseResponse(sse("log", event(2, "log", "second"))
        + sse("completion", event(3, "completion", "done"))));
    ScaffolderClient client = Fixtures.client(server, Duration.ofMillis(500));
    List<TaskEvent> events;
    try (TaskEventStream stream = client.tasks().follow("t1")) {
      events = drain(stream);
    }
    assertEquals(List.of(1L, 2L, 3L), ids(events));
    server.takeRequest();
    assertEquals("/api/scaffolder/v2/tasks/t1/eventstream?after=1", server.takeRequest().getPath());
  }

  @Test
  void stalledStream_nextWithTimeout_throwsTypedTimeout_andStaysUsable() {
    server.enqueue(stalledAfterFirstEvent());
    ScaffolderClient client = Fixtures.client(server, Duration.ofSeconds(60));
    try (TaskEventStream stream = client.tasks().follow("t1")) {
      assertEquals(1, stream.next(Duration.ofSeconds(5)).id());
      TaskTimeoutException e = assertThrows(TaskTimeoutException.class, () -> stream.next(Duration.ofMillis(300)));
      assertEquals("t1", e.taskId());
      assertEquals(1, e.lastEventId());
      assertTrue(e.getMessage().contains("not cancelled"), e.getMessage());
    }
  }

  @Test
  void awaitCompletion_timesOutWithoutCancellingTheTask() throws Exception {
    server.enqueue(stalledAfterFirstEvent());
    ScaffolderClient client = Fixtures.client(server, Duration.ofSeconds(60));
    TaskTimeoutException e = assertThrows(TaskTimeoutException.class,
        () -> client.tasks().awaitCompletion("t1", Duration.ofMillis(700)));
    assertEquals(Duration.ofMillis(700), e.timeout());
    assertEquals(1, server.getRequestCount());
    assertTrue(server.takeRequest().getPath().endsWith("/eventstream"), "only the stream was called, no cancel");
  }

  @Test
  void noEventStreamOnServer_fallsBackToLongPolling() throws Exception {
    server.setDispatcher(new Dispatcher() {
      private int polls;

      @Override
      public MockResponse dispatch(RecordedRequest request) {
        paths.add(request.getPath());
        if (request.getPath().contains("/eventstream")) {
          return new MockResponse().setResponseCode(404); // unknown route: empty body
        }
        switch (polls++) {
          case 0:
            return Fixtures.json(200, "[" + event(4, "log", "a") + "," + event(7, "log", "b") + "]");
          case 1:
            return Fixtures.json(200, "[]"); // the server's 30 s long-poll ran out
          default:
            // the completion event is always included, even when 'after' is past it
            return Fixtures.json(200, "[" + event(7, "log", "b again") + "," + event(8, "cancelled", "c") + ","
                + event(9, "completion", "done") + "]");
        }
      }
    });
    ScaffolderClient client = Fixtures.client(server);
    List<TaskEvent> events;
    try (TaskEventStream stream = client.tasks().follow("t1")) {
      events = drain(stream);
      assertTrue(stream.isLongPolling());
    }
    assertEquals(List.of(4L, 7L, 8L, 9L), ids(events));
    assertEquals(List.of("/api/scaffolder/v2/tasks/t1/eventstream", "/api/scaffolder/v2/tasks/t1/events",
        "/api/scaffolder/v2/tasks/t1/events?after=7", "/api/scaffolder/v2/tasks/t1/events?after=7"), paths);
  }

  @Test
  void follow_unknownTask_throwsNotFound() {
    server.enqueue(Fixtures.response("get-task/unknown-404"));
    ScaffolderClient client = Fixtures.client(server);
    try (TaskEventStream stream = client.tasks().follow("00000000-0000-0000-0000-000000000000")) {
      assertThrows(NotFoundException.class, stream::hasNext);
    }
  }

  @Test
  void awaitCompletion_cancelledTask_returnsFailedTaskAndFullLog() throws Exception {
    String events = Fixtures.exchange("get-task-events/cancelled").at("/response/body").toString();
    StringBuilder stream = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonNode e : Fixtures.JSON.readTree(events)) {
      stream.append(sse(e.get("type").asText(), e.toString()));
    }
    server.enqueue(sseResponse(stream.toString()));
    server.enqueue(Fixtures.response("get-task/cancelled"));
    ScaffolderClient client = Fixtures.client(server);

    TaskResult result = client.tasks().awaitCompletion("ad71d473-016c-4fda-ad9b-14852cdbb04d", Duration.ofSeconds(10));

    assertEquals(TaskStatus.FAILED, result.task().status());
    assertFalse(result.succeeded());
    assertTrue(result.cancelled());
    assertEquals(TaskEventType.COMPLETION, result.log().get(result.log().size() - 1).type());
    assertTrue(result.errorMessage().contains("cancelled"));
    assertEquals(Fixtures.JSON.readTree(events).size(), result.log().size());
  }

  @Test
  void awaitCompletion_success_returnsOutput() {
    server.enqueue(Fixtures.response("get-task-eventstream/completed"));
    server.enqueue(Fixtures.response("get-task/completed"));
    ScaffolderClient client = Fixtures.client(server);
    TaskResult result = client.tasks().awaitCompletion("abad0c7d-dfea-4685-84f7-d6e4203c623a", Duration.ofSeconds(10));
    assertTrue(result.succeeded());
    assertNull(result.errorMessage());
    assertFalse(result.output().isEmpty());
  }

  @Test
  void recoverableTask_keepsFollowingAfterCompletionUntilTheServerCloses() {
    String recoverableCompletion = event(3, "completion", "Run completed with status: failed")
        .replace("\"isTaskRecoverable\":false", "\"isTaskRecoverable\":true");
    server.enqueue(sseResponse(sse("log", event(1, "log", "a")) + sse("completion", recoverableCompletion)
        + sse("recovered", event(4, "recovered", "restarting")) + sse("log", event(5, "log", "b"))
        + sse("completion", event(6, "completion", "Run completed with status: completed"))));
    ScaffolderClient client = Fixtures.client(server);
    try (TaskEventStream stream = client.tasks().follow("t1")) {
      List<TaskEvent> events = drain(stream);
      assertEquals(List.of(1L, 3L, 4L, 5L, 6L), ids(events));
      assertEquals(TaskEventType.RECOVERED, events.get(2).type());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void close_fromAnotherThread_wakesABlockedReader() throws Exception {
    server.enqueue(stalledAfterFirstEvent());
    ScaffolderClient client = Fixtures.client(server, Duration.ofSeconds(60));
    TaskEventStream stream = client.tasks().follow("t1");
    assertEquals(1, stream.next().id());
    java.util.concurrent.CompletableFuture.runAsync(stream::close,
        java.util.concurrent.CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    assertFalse(stream.hasNext(), "closing ends the stream");
  }
}
