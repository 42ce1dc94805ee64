package dev.backstage4j.scaffolder.internal;

import dev.backstage4j.scaffolder.Action;
import dev.backstage4j.scaffolder.AutocompleteResult;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.Secrets;
import dev.backstage4j.scaffolder.Task;
import dev.backstage4j.scaffolder.TaskEvent;
import dev.backstage4j.scaffolder.TaskEventStream;
import dev.backstage4j.scaffolder.TaskList;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import dev.backstage4j.scaffolder.TemplateParameterSchema;
import dev.backstage4j.scaffolder.TemplatingExtensions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The public values' JSON mapping and package-private constructors, handed to the implementation by the public
 * package, so the values need no public factories for server-owned data and secrets stay unreadable to users.
 */
public interface ScaffolderValues {
  /** Reads a task found at {@code path} (e.g. {@code $.tasks[3]}) of the response. */
  Task task(Map<String, Object> json, String path);

  TaskEvent event(Map<String, Object> json, String path);

  TaskList taskList(List<Task> tasks, Long totalTasks);

  TaskResult taskResult(Task task, List<TaskEvent> log);

  DryRunResult dryRunResult(Map<String, Object> json);

  TemplateParameterSchema parameterSchema(Map<String, Object> json);

  TemplatingExtensions templatingExtensions(Map<String, Object> json);

  Action action(Map<String, Object> json, String path);

  AutocompleteResult autocompleteResult(String id, String title);

  Map<String, Object> body(TaskRequest request);

  Map<String, Object> body(DryRunRequest request);

  Map<String, String> reveal(Secrets secrets);

  TaskEventStream eventStream(TaskEventSource source, String taskId, long afterEventId, int maxReconnects);

  /** The next event before the deadline; a timeout names {@code what} did not happen. */
  TaskEvent nextBefore(TaskEventStream stream, long deadlineNanos, Duration timeout, String what);
}
