package dev.backstage4j.scaffolder;

import dev.backstage4j.scaffolder.internal.ScaffolderValues;
import dev.backstage4j.scaffolder.internal.TaskEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** This package's values as the implementation in {@code internal} reads and writes them. */
final class Values implements ScaffolderValues {
  static final Values INSTANCE = new Values();

  private Values() {}

  @Override
  public Task task(Map<String, Object> json, String path) {
    return Task.fromMap(json, path);
  }

  @Override
  public TaskEvent event(Map<String, Object> json, String path) {
    return TaskEvent.fromMap(json, path);
  }

  @Override
  public TaskList taskList(List<Task> tasks, Long totalTasks) {
    return new TaskList(tasks, totalTasks);
  }

  @Override
  public TaskResult taskResult(Task task, List<TaskEvent> log) {
    return new TaskResult(task, log);
  }

  @Override
  public DryRunResult dryRunResult(Map<String, Object> json) {
    return DryRunResult.fromMap(json, "$");
  }

  @Override
  public TemplateParameterSchema parameterSchema(Map<String, Object> json) {
    return TemplateParameterSchema.fromMap(json, "$");
  }

  @Override
  public TemplatingExtensions templatingExtensions(Map<String, Object> json) {
    return TemplatingExtensions.fromMap(json, "$");
  }

  @Override
  public Action action(Map<String, Object> json, String path) {
    return Action.fromMap(json, path);
  }

  @Override
  public AutocompleteResult autocompleteResult(String id, String title) {
    return new AutocompleteResult(id, title);
  }

  @Override
  public Map<String, Object> body(TaskRequest request) {
    return request.toBody();
  }

  @Override
  public Map<String, Object> body(DryRunRequest request) {
    return request.toBody();
  }

  @Override
  public Map<String, String> reveal(Secrets secrets) {
    return secrets.reveal();
  }

  @Override
  public TaskEventStream eventStream(TaskEventSource source, String taskId, long afterEventId, int maxReconnects) {
    return new TaskEventStream(source, taskId, afterEventId, maxReconnects);
  }

  @Override
  public TaskEvent nextBefore(TaskEventStream stream, long deadlineNanos, Duration timeout, String what) {
    return stream.nextBefore(deadlineNanos, timeout, what);
  }
}
