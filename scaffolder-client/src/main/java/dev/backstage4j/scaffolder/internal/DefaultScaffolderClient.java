package dev.backstage4j.scaffolder.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.EventStreamListener;
import dev.backstage4j.core.internal.Futures;
import dev.backstage4j.core.internal.HttpTransport;
import dev.backstage4j.core.internal.JsonCodec;
import dev.backstage4j.core.internal.MissingEndpoints;
import dev.backstage4j.core.internal.Trees;
import dev.backstage4j.scaffolder.Action;
import dev.backstage4j.scaffolder.AutocompleteResult;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.Secrets;
import dev.backstage4j.scaffolder.Task;
import dev.backstage4j.scaffolder.TaskEvent;
import dev.backstage4j.scaffolder.TaskEventStream;
import dev.backstage4j.scaffolder.TaskList;
import dev.backstage4j.scaffolder.TaskQuery;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import dev.backstage4j.scaffolder.TemplateParameterSchema;
import dev.backstage4j.scaffolder.TemplatingExtensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The scaffolder client on top of the shared transport. The public values map themselves from and to JSON;
 * {@link ScaffolderValues} reaches that package-private mapping.
 */
public final class DefaultScaffolderClient implements ScaffolderClient, ScaffolderClient.Tasks,
    ScaffolderClient.Templates, ScaffolderClient.Actions, TaskEventSource {
  static final String CREATE_HINT = "list your tasks (createdBy / newest first) to see whether it was created";
  /** The server holds /events up to 30 s; the read timeout must be longer. */
  static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(45);
  private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {};

  private final HttpTransport transport;
  private final int maxReconnects;
  private final ScaffolderValues values;

  private DefaultScaffolderClient(HttpTransport transport, int maxReconnects, ScaffolderValues values) {
    this.transport = transport;
    this.maxReconnects = maxReconnects;
    this.values = values;
  }

  /** Creates a client; {@code values} is the public package's JSON mapping of its values. */
  public static ScaffolderClient create(ClientConfig config, int maxReconnects, ScaffolderValues values) {
    return new DefaultScaffolderClient(HttpTransport.create(config, "scaffolder"), maxReconnects, values);
  }

  @Override
  public ScaffolderClient withCredentials(CredentialsProvider credentials) {
    return new DefaultScaffolderClient(transport.withCredentials(Objects.requireNonNull(credentials, "credentials")),
        maxReconnects, values);
  }

  @Override
  public void close() {
    transport.close();
  }

  @Override
  public Tasks tasks() {
    return this;
  }

  @Override
  public Templates templates() {
    return this;
  }

  @Override
  public Actions actions() {
    return this;
  }

  private JsonCodec json() {
    return transport.json();
  }

  private Map<String, Object> readMap(ApiRequest request, String what) {
    return transport.execute(request, r -> json().readMap(r.bytes(), what));
  }

  // ---- tasks

  @Override
  public String create(TaskRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, Object> body = readMap(ApiRequest.post("/v2/tasks").jsonBody(values.body(request)).sensitiveBody()
        .subject(request.templateRef()).outcomeHint(CREATE_HINT).build(), "created task");
    return Trees.text(body, "id", "$");
  }

  @Override
  public Task get(String taskId) {
    return values.task(readMap(ApiRequest.get("/v2/tasks/{taskId}", requireId(taskId)).subject("task " + taskId)
        .build(), "task"), "$");
  }

  @Override
  public TaskList list(TaskQuery query) {
    Objects.requireNonNull(query, "query");
    ApiRequest.Builder b = ApiRequest.get("/v2/tasks").queryAll("createdBy", query.createdBy());
    List<String> statuses = new ArrayList<>();
    query.statuses().forEach(s -> statuses.add(s.wireValue()));
    b.queryAll("status", statuses).queryAll("order", query.orders()).query("limit", query.limit())
        .query("offset", query.offset());
    Map<String, Object> body = readMap(b.build(), "task list");
    List<Task> tasks = new ArrayList<>();
    List<?> raw = Trees.list(body, "tasks", "$");
    for (int i = 0; i < raw.size(); i++) {
      String at = Trees.at("$.tasks", i);
      tasks.add(values.task(Trees.asMap(raw.get(i), at), at));
    }
    Object total = body.get("totalTasks");
    return values.taskList(tasks, total instanceof Number ? ((Number) total).longValue() : null);
  }

  @Override
  public void cancel(String taskId) {
    transport.execute(ApiRequest.post("/v2/tasks/{taskId}/cancel", requireId(taskId)).subject("task " + taskId)
        .outcomeHint("get the task to see whether it is being cancelled (cancelling twice is harmless)").build(),
        r -> null);
  }

  @Override
  public String retry(String taskId, Secrets secrets) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (secrets != null && !secrets.isEmpty()) {
      body.put("secrets", values.reveal(secrets));
    }
    Map<String, Object> answer = readMap(ApiRequest.post("/v2/tasks/{taskId}/retry", requireId(taskId))
        .jsonBody(body).sensitiveBody().subject("task " + taskId)
        .outcomeHint("get the task to see whether it is running again").build(), "retried task");
    String id = Trees.text(answer, "id", "$");
    return id == null ? taskId : id;
  }

  @Override
  public List<TaskEvent> events(String taskId, long afterEventId) {
    try {
      return eventsAsync(taskId, afterEventId).join();
    } catch (CompletionException e) {
      Throwable cause = Futures.unwrap(e);
      throw cause instanceof RuntimeException ? (RuntimeException) cause : e;
    }
  }

  @Override
  public CompletableFuture<List<TaskEvent>> eventsAsync(String taskId, long afterEventId) {
    Duration timeout = transport.config().readTimeout().compareTo(LONG_POLL_TIMEOUT) > 0
        ? transport.config().readTimeout() : LONG_POLL_TIMEOUT;
    ApiRequest request = ApiRequest.get("/v2/tasks/{taskId}/events", requireId(taskId))
        .query("after", afterEventId > 0 ? afterEventId : null).readTimeout(timeout).subject("task " + taskId)
        .build();
    return transport.executeAsync(request, r -> {
      List<TaskEvent> events = new ArrayList<>();
      List<Map<String, Object>> raw = json().read(r.bytes(), LIST_OF_MAPS, "task events");
      for (int i = 0; i < raw.size(); i++) {
        events.add(values.event(raw.get(i), Trees.at("$", i)));
      }
      return events;
    });
  }

  @Override
  public AutoCloseable openEventStream(String taskId, long afterEventId, EventStreamListener listener) {
    return transport.openEventStream(ApiRequest.get("/v2/tasks/{taskId}/eventstream", requireId(taskId))
        .query("after", afterEventId > 0 ? afterEventId : null).subject("task " + taskId).build(), listener);
  }

  @Override
  public TaskEvent parseEvent(String data) {
    return values.event(json().readMap(data.getBytes(java.nio.charset.StandardCharsets.UTF_8), "task event"), "$");
  }

  @Override
  public TaskEventStream follow(String taskId) {
    return follow(taskId, 0);
  }

  @Override
  public TaskEventStream follow(String taskId, long afterEventId) {
    return values.eventStream(this, requireId(taskId), afterEventId, maxReconnects);
  }

  @Override
  public TaskResult awaitCompletion(String taskId, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    List<TaskEvent> log = new ArrayList<>();
    try (TaskEventStream stream = follow(taskId)) {
      TaskEvent e;
      while ((e = values.nextBefore(stream, deadline, timeout, "did not complete")) != null) {
        log.add(e);
      }
    }
    return values.taskResult(get(taskId), log);
  }

  // ---- templates

  @Override
  public TemplateParameterSchema parameterSchema(EntityRef ref) {
    Objects.requireNonNull(ref, "templateRef");
    return values.parameterSchema(readMap(ApiRequest.get("/v2/templates/{namespace}/{kind}/{name}/"
        + "parameter-schema", ref.namespace(), ref.kind(), ref.name()).subject(ref.toString()).build(),
        "parameter schema"));
  }

  @Override
  public TemplateParameterSchema parameterSchema(String templateRef) {
    return parameterSchema(EntityRef.parse(Objects.requireNonNull(templateRef, "templateRef"), "template",
        EntityRef.DEFAULT_NAMESPACE));
  }

  @Override
  public DryRunResult dryRun(DryRunRequest request) {
    Objects.requireNonNull(request, "request");
    return values.dryRunResult(readMap(ApiRequest.post("/v2/dry-run").jsonBody(values.body(request)).sensitiveBody()
        .repeatable(true).subject("dry-run of " + Trees.text(Trees.map(request.template(), "metadata", "template"), "name", "template.metadata"))
        .build(), "dry-run result"));
  }

  @Override
  public TemplatingExtensions templatingExtensions() {
    try {
      return values.templatingExtensions(readMap(ApiRequest.get("/v2/templating-extensions").build(),
          "templating extensions"));
    } catch (NotFoundException e) {
      throw unsupported(e, "templating extensions need a scaffolder backend from 2025 or later");
    }
  }

  @Override
  public List<AutocompleteResult> autocomplete(String provider, String resource, String token,
      Map<String, ?> context) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", Objects.requireNonNull(token, "token"));
    body.put("context", context == null ? Map.of() : context);
    Map<String, Object> answer;
    try {
      answer = readMap(ApiRequest.post("/v2/autocomplete/{provider}/{resource}",
          Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(resource, "resource"))
          .jsonBody(body).sensitiveBody().repeatable(true).build(), "autocomplete results");
    } catch (NotFoundException e) {
      throw unsupported(e, "autocomplete needs a scaffolder backend with the autocomplete endpoint and a module"
          + " providing '" + provider + "'");
    }
    List<AutocompleteResult> results = new ArrayList<>();
    List<?> raw = Trees.list(answer, "results", "$");
    for (int i = 0; i < raw.size(); i++) {
      String at = Trees.at("$.results", i);
      Map<String, Object> m = Trees.asMap(raw.get(i), at);
      results.add(values.autocompleteResult(Trees.text(m, "id", at), Trees.text(m, "title", at)));
    }
    return List.copyOf(results);
  }

  private static NotFoundException unsupported(NotFoundException e, String hint) {
    return MissingEndpoints.translate(e, false, hint);
  }

  // ---- actions

  @Override
  public List<Action> list() {
    List<Map<String, Object>> raw = transport.execute(ApiRequest.get("/v2/actions").build(),
        r -> json().read(r.bytes(), LIST_OF_MAPS, "actions"));
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      actions.add(values.action(raw.get(i), Trees.at("$", i)));
    }
    return List.copyOf(actions);
  }

  private static String requireId(String taskId) {
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("taskId must not be empty");
    }
    return taskId;
  }

  @Override
  public String toString() {
    return "ScaffolderClient{" + transport.pluginUrl() + "}";
  }
}
