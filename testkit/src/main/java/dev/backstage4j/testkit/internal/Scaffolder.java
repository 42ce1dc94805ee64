package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.internal.Trees;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.testkit.ActionContext;
import dev.backstage4j.testkit.ScaffolderAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scaffolder: tasks that run template steps in memory with the real event sequence, built-in actions, and
 * user actions registered in Java.
 */
public final class Scaffolder {
  static final String INFO = "\u001b[32minfo\u001b[39m: ";

  /** A registered action: implementation plus the metadata GET /v2/actions lists. */
  record Action(String id, String description, Map<String, Object> inputSchema, boolean supportsDryRun,
      ScaffolderAction impl) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("description", description);
      m.put("examples", List.of());
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("input", inputSchema);
      m.put("schema", schema);
      return m;
    }
  }

  /** Thrown by steps; name and message go to the completion event. */
  static final class StepError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String name;

    StepError(String name, String message) {
      super(message, null, false, false);
      this.name = name;
    }
  }

  static final class Task {
    final String id;
    final Map<String, Object> spec;
    final Map<String, Object> secrets;
    final Path baseDir;
    final String createdAt;
    /** The user who started the task, as the real scaffolder records it; null for a service. */
    final String createdBy;
    /** Who started it, whose credentials remote actions get; null for a dry run without a caller. */
    final BackstagePrincipal initiator;
    volatile String status = "open";
    volatile String lastHeartbeatAt;
    volatile boolean cancelRequested;
    volatile Thread runner;
    final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
    volatile SortedMap<String, byte[]> workspace = new TreeMap<>();

    Task(String id, Map<String, Object> spec, Map<String, Object> secrets, Path baseDir, String createdBy,
        BackstagePrincipal initiator) {
      this.id = id;
      this.createdBy = createdBy;
      this.initiator = initiator;
      this.spec = spec;
      this.secrets = secrets;
      this.baseDir = baseDir;
      this.createdAt = now();
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("spec", spec);
      m.put("status", status);
      m.put("createdAt", createdAt);
      if (createdBy != null) {
        m.put("createdBy", createdBy);
      }
      if (lastHeartbeatAt != null) {
        m.put("lastHeartbeatAt", lastHeartbeatAt);
      }
      return m;
    }

    boolean finished() {
      return status.equals("completed") || status.equals("failed");
    }
  }

  private final CatalogStore store;
  private final Map<String, Action> actions = new TreeMap<>();
  private final Map<String, Task> tasks = Collections.synchronizedMap(new LinkedHashMap<>());
  private final AtomicLong eventIds = new AtomicLong();
  private final Object eventsChanged = new Object();
  private final ExecutorService runners;
  private final RemoteActions remote;

  /**
   * Creates the scaffolder over a catalog (templates come from its Template entities); actions it does not have
   * are looked up in the plugins {@code identity} routes elsewhere, as Backstage's {@code pluginSources}.
   */
  public Scaffolder(CatalogStore store, Map<String, ScaffolderAction> userActions, FakeIdentity identity) {
    this.store = store;
    this.remote = new RemoteActions(identity);
    BuiltinActions.register(this, store);
    userActions.forEach((id, impl) -> actions.put(id, new Action(id, "User action registered in FakeBackstage",
        Map.of("type", "object"), true, impl)));
    AtomicInteger n = new AtomicInteger();
    runners = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-backstage-task-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  void add(Action a) {
    actions.put(a.id(), a);
  }

  List<Action> actions() {
    return new ArrayList<>(actions.values());
  }

  /** {@return the actions {@code GET /v2/actions} lists: the fake's own, then the remote ones they do not shadow} */
  List<Map<String, Object>> listedActions(BackstagePrincipal caller) {
    List<Map<String, Object>> out = new ArrayList<>();
    actions.values().forEach(a -> out.add(a.toJson()));
    remote.listAll(caller).stream().filter(a -> !actions.containsKey(a.id()))
        .forEach(a -> out.add(RemoteActions.toScaffolderJson(a)));
    return out;
  }

  /** Stops running tasks. */
  public void shutdown() {
    runners.shutdownNow();
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ".000Z");
  }

  /** Looks up a template entity; throws NotFoundError like the real router. */
  StoredEntity template(String templateRef) {
    String ref;
    try {
      ref = EntityRef.parse(templateRef, "template", "default").toString();
    } catch (IllegalArgumentException e) {
      throw ApiFailure.input(e.getMessage());
    }
    StoredEntity t = store.byRef(ref);
    if (t == null || !"template".equalsIgnoreCase(t.kind())) {
      throw ApiFailure.notFound("Template " + ref + " not found");
    }
    return t;
  }

  Task task(String id) {
    Task t = tasks.get(id);
    if (t == null) {
      throw ApiFailure.notFound("No task with id '" + id + "' found");
    }
    return t;
  }

  List<Task> tasks() {
    synchronized (tasks) {
      return new ArrayList<>(tasks.values());
    }
  }

  /** {@return a copy of a task's workspace, or null for an unknown task} */
  public Map<String, byte[]> workspace(String taskId) {
    Task t = tasks.get(taskId);
    return t == null ? null : new TreeMap<>(t.workspace);
  }

  /** Creates and starts a task from a stored template. */
  @SuppressWarnings("unchecked")
  Task create(StoredEntity template, Map<String, Object> values, Map<String, Object> secrets, String createdBy,
      BackstagePrincipal initiator) {
    Map<String, Object> tspec = Trees.map(template.entity, "spec", "$");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("apiVersion", template.entity.get("apiVersion"));
    spec.put("steps", normalizeSteps((List<Object>) tspec.getOrDefault("steps", List.of())));
    spec.put("output", tspec.getOrDefault("output", Map.of()));
    spec.put("parameters", values);
    spec.put("user", createdBy == null ? Map.of() : Map.of("ref", createdBy));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("entityRef", template.ref);
    if (template.source != null) {
      info.put("baseUrl", template.source.toUri().toString());
    }
    info.put("entity", Map.of("metadata", template.entity.get("metadata")));
    spec.put("templateInfo", info);
    if (tspec.containsKey("EXPERIMENTAL_recovery")) {
      spec.put("EXPERIMENTAL_recovery", tspec.get("EXPERIMENTAL_recovery"));
    }
    Path baseDir = template.source == null ? null : template.source.toAbsolutePath().getParent();
    Task task = new Task(UUID.randomUUID().toString(), spec, secrets, baseDir, createdBy, initiator);
    tasks.put(task.id, task);
    start(task);
    return task;
  }

  void start(Task task) {
    task.status = "open";
    task.cancelRequested = false;
    runners.execute(() -> {
      task.runner = Thread.currentThread();
      try {
        run(task, false, null);
      } finally {
        task.runner = null;
      }
    });
  }

  @SuppressWarnings("unchecked")
  static List<Object> normalizeSteps(List<Object> steps) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) steps.get(i));
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", s.getOrDefault("id", "step-" + (i + 1)));
      n.put("name", s.getOrDefault("name", s.get("action")));
      s.remove("id");
      s.remove("name");
      n.putAll(s);
      out.add(n);
    }
    return out;
  }

  /** Requests cancellation; the running step stops and the task fails like the real one. */
  void cancel(Task task) {
    if (task.finished()) {
      return;
    }
    task.cancelRequested = true;
    Thread t = task.runner;
    if (t != null) {
      t.interrupt();
    }
  }

  // ------------------------------------------------------------------ events

  private void emit(Task task, String type, Map<String, Object> body, List<Map<String, Object>> dryLog) {
    if (dryLog != null) {
      if (!"completion".equals(type)) { // the dry-run response carries the output separately
        dryLog.add(Map.of("body", body));
      }
      return;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", eventIds.incrementAndGet());
    e.put("isTaskRecoverable", false);
    e.put("taskId", task.id);
    e.put("body", body);
    e.put("type", type);
    e.put("createdAt", now());
    task.events.add(e);
    task.lastHeartbeatAt = now();
    synchronized (eventsChanged) {
      eventsChanged.notifyAll();
    }
  }

  private void log(Task task, String message, String stepId, String status, List<Map<String, Object>> dryLog) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    if (stepId != null) {
      body.put("stepId", stepId);
    }
    if (status != null) {
      body.put("status", status);
    }
    emit(task, "log", body, dryLog);
  }

  /** Events after {@code after} (exclusive) plus the completion event, which is always returned. */
  List<Map<String, Object>> eventsAfter(Task task, long after) {
    List<Map<String, Object>> out = new ArrayList<>();
    synchronized (task.events) {
      for (Map<String, Object> e : task.events) {
        if (((Number) e.get("id")).longValue() > after || "completion".equals(e.get("type"))) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Waits up to {@code millis} for any new event. */
  void awaitEvents(long millis) throws InterruptedException {
    synchronized (eventsChanged) {
      eventsChanged.wait(millis);
    }
  }

  // ------------------------------------------------------------------ running

  /** Runs all steps; for dry runs {@code dryLog} collects log bodies and no events are stored. */
  @SuppressWarnings("unchecked")
  Map<String, Object> run(Task task, boolean dryRun, List<Map<String, Object>> dryLog) {
    task.status = "processing";
    task.workspace = dryRun ? task.workspace : new TreeMap<>();
    List<Object> steps = (List<Object>) task.spec.get("steps");
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("parameters", task.spec.get("parameters"));
    ctx.put("secrets", task.secrets);
    ctx.put("user", Map.of());
    Map<String, Object> stepOutputs = new LinkedHashMap<>();
    ctx.put("steps", stepOutputs);
    log(task, "Starting up task with " + (steps.size() + (dryRun ? 1 : 0)) + " steps", null, null, dryLog);
    String currentStep = null;
    String currentName = null;
    try {
      for (Object o : steps) {
        Map<String, Object> step = (Map<String, Object>) o;
        currentStep = String.valueOf(step.get("id"));
        currentName = String.valueOf(step.get("name"));
        checkCancelled(task, currentStep, currentName);
        log(task, "Beginning step " + currentName, currentStep, "processing", dryLog);
        if (step.containsKey("if")) { // a skipped step is begun first, as scaffolder-backend 4.2.0 does
          Object cond = step.get("if") instanceof String s ? Templating.renderString(s, ctx) : step.get("if");
          if (!Templating.truthy(cond)) {
            log(task, "Skipping step " + currentStep + " because its if condition was false", currentStep,
                "skipped", dryLog);
            continue;
          }
        }
        String actionId = String.valueOf(step.get("action"));
        Action action = actions.get(actionId);
        if (action == null) {
          try (RemoteActions.Found found = remote.find(actionId, task.initiator)) {
            if (found != null) {
              runRemote(task, found, step, ctx, stepOutputs, dryRun, dryLog);
              continue;
            }
          }
        }
        if (action == null) {
          throw new StepError("NotFoundError", "Template action with ID '" + actionId + "' is not registered. "
              + "See https://backstage.io/docs/features/software-templates/builtin-actions/ on how to add a new "
              + "action module.");
        }
        if (dryRun && !action.supportsDryRun()) {
          log(task, "Skipping because " + actionId + " does not support dry-run", currentStep, "skipped", dryLog);
          continue;
        }
        Object rendered = Templating.render(step.getOrDefault("input", Map.of()), ctx);
        Map<String, Object> input = rendered instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> outputs = new LinkedHashMap<>();
        String sid = currentStep;
        ActionContext actx = new ActionContext(task.id, sid, input, dryRun, task.workspace,
            msg -> log(task, INFO + msg, sid, null, dryLog), outputs::put);
        actx = withBaseDir(actx, task);
        try {
          action.impl().execute(actx);
        } catch (InterruptedException e) {
          checkCancelled(task, currentStep, currentName);
          throw new StepError("Error", "interrupted");
        } catch (StepError | ApiFailure e) {
          throw e;
        } catch (Exception e) {
          if (task.cancelRequested) {
            checkCancelled(task, currentStep, currentName);
          }
          throw new StepError(e instanceof IllegalArgumentException ? "InputError" : "Error",
              String.valueOf(e.getMessage()));
        }
        checkCancelled(task, currentStep, currentName);
        stepOutputs.put(currentStep, Map.of("output", outputs));
        log(task, "Finished step " + currentName, currentStep, "completed", dryLog);
      }
      Object output = Templating.render(task.spec.getOrDefault("output", Map.of()), ctx);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("message", "Run completed with status: completed");
      body.put("output", output);
      task.status = "completed";
      emit(task, "completion", body, dryLog);
      return output instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    } catch (StepError | ApiFailure e) {
      String name = e instanceof StepError se ? se.name : ((ApiFailure) e).name;
      if (e instanceof StepError se && "cancelled".equals(se.name)) {
        Map<String, Object> cancelled = new LinkedHashMap<>();
        cancelled.put("message", "Step " + currentStep + " has been cancelled.");
        cancelled.put("stepId", currentStep);
        cancelled.put("status", "cancelled");
        emit(task, "cancelled", cancelled, dryLog);
        name = "Error";
      }
      log(task, name + ": " + e.getMessage(), currentStep, "failed", dryLog);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("message", "Run completed with status: failed");
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("name", name);
      error.put("message", e.getMessage());
      body.put("error", error);
      task.status = "failed";
      emit(task, "completion", body, dryLog);
      if (dryRun) {
        throw e;
      }
      return Map.of();
    }
  }

  /** A step whose action a plugin serves over HTTP: validated, then invoked (or skipped in a dry run). */
  @SuppressWarnings("unchecked")
  private void runRemote(Task task, RemoteActions.Found found, Map<String, Object> step, Map<String, Object> ctx,
      Map<String, Object> stepOutputs, boolean dryRun, List<Map<String, Object>> dryLog) {
    String stepId = String.valueOf(step.get("id"));
    if (dryRun && !found.action().supportsDryRun()) {
      log(task, "Skipping because " + found.action().id() + " does not support dry-run", stepId, "skipped",
          dryLog);
      Object example = RemoteActions.example(found.action().outputSchema());
      stepOutputs.put(stepId, Map.of("output", example));
      return;
    }
    Object rendered = Templating.render(step.getOrDefault("input", Map.of()), ctx);
    Map<String, Object> input = rendered instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    RemoteActions.checkInput(found.action(), input);
    Map<String, Object> outputs = new LinkedHashMap<>();
    RemoteActions.invoke(found, input, outputs);
    stepOutputs.put(stepId, Map.of("output", outputs));
    log(task, "Finished step " + step.get("name"), stepId, "completed", dryLog);
  }

  private static ActionContext withBaseDir(ActionContext actx, Task task) {
    BuiltinActions.BASE_DIR.set(task.baseDir);
    return actx;
  }

  private static void checkCancelled(Task task, String stepId, String stepName) {
    if (task.cancelRequested) {
      Thread.interrupted();
      throw new StepError("cancelled", "Step " + stepId + " (" + stepName + ") of task " + task.id
          + " has been cancelled.");
    }
  }

  /** Runs a dry run of an inline template with the given files; returns the response body. */
  @SuppressWarnings("unchecked")
  Map<String, Object> dryRun(Map<String, Object> template, Map<String, Object> values, Map<String, Object> secrets,
      SortedMap<String, byte[]> files, BackstagePrincipal initiator) {
    Map<String, Object> tspec = Trees.map(template, "spec", "$");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("apiVersion", template.get("apiVersion"));
    spec.put("steps", normalizeSteps((List<Object>) tspec.getOrDefault("steps", List.of())));
    spec.put("output", tspec.getOrDefault("output", Map.of()));
    spec.put("parameters", values);
    Task task = new Task("dry-run-" + UUID.randomUUID(), spec, secrets, null, null, initiator);
    task.workspace = new TreeMap<>();
    BuiltinActions.DRY_RUN_FILES.set(files);
    List<Map<String, Object>> logs = new ArrayList<>();
    Map<String, Object> output;
    try {
      output = run(task, true, logs);
    } catch (StepError | ApiFailure e) {
      output = Map.of();
    } finally {
      BuiltinActions.DRY_RUN_FILES.remove();
    }
    List<Object> contents = new ArrayList<>();
    task.workspace.forEach((p, b) -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", p);
      f.put("executable", false);
      f.put("base64Content", java.util.Base64.getEncoder().encodeToString(b));
      contents.add(f);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("log", logs);
    out.put("directoryContents", contents);
    out.put("output", output);
    out.put("steps", spec.get("steps"));
    return out;
  }

  static boolean exists(Path p) {
    return p != null && Files.exists(p);
  }

  static final Map<String, Object> NO_SECRETS = new ConcurrentHashMap<>();
}
