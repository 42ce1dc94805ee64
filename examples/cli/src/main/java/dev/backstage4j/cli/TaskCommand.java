package dev.backstage4j.cli;

import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.Task;
import dev.backstage4j.scaffolder.TaskEvent;
import dev.backstage4j.scaffolder.TaskEventStream;
import dev.backstage4j.scaffolder.TaskEventType;
import dev.backstage4j.scaffolder.TaskList;
import dev.backstage4j.scaffolder.TaskQuery;
import dev.backstage4j.scaffolder.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Groups the scaffolder task commands: get, list, cancel, logs. */
@Command(name = "task", mixinStandardHelpOptions = true,
    description = TaskCommand.DESCRIPTION,
    subcommands = {TaskCommand.Get.class, TaskCommand.ListTasks.class, TaskCommand.Cancel.class,
        TaskCommand.Logs.class})
final class TaskCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION = "Look at, follow and cancel scaffolder tasks.";

  private TaskCommand() {
  }

  static Map<String, Object> task(Task t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("status", t.status().wireValue());
    m.put("template", t.templateRef().orElse(null));
    m.put("createdBy", t.createdBy());
    m.put("createdAt", t.createdAt() == null ? null : t.createdAt().toString());
    return m;
  }

  static Printer.Table table(List<Task> tasks) {
    Printer.Table t = Printer.Table.of("ID", "STATUS", "TEMPLATE", "CREATED");
    tasks.forEach(x -> t.row(x.id(), x.status().wireValue(), x.templateRef().orElse(""), x.createdAt()));
    return t;
  }

  /** Prints a task's log live (table format) until it ends; returns 0 if it completed, 1 otherwise. */
  static int follow(Cli cli, String taskId, long after) {
    ScaffolderClient scaffolder = cli.backstage().scaffolder();
    Printer printer = cli.printer();
    List<String> log = new ArrayList<>();
    try (TaskEventStream events = scaffolder.tasks().follow(taskId, after)) {
      while (events.hasNext()) {
        TaskEvent e = events.next();
        if (e.type() == TaskEventType.LOG && e.message() != null) {
          String line = (e.stepId() == null ? "" : "[" + e.stepId() + "] ") + e.plainMessage();
          log.add(line);
          if (!printer.structured()) {
            cli.out().println(line);
            cli.out().flush();
          }
        }
      }
    }
    Task task = scaffolder.tasks().get(taskId);
    Map<String, Object> data = task(task);
    data.put("log", log);
    if (printer.structured()) {
      printer.print(data, null);
    }
    cli.summary("task " + taskId + " " + task.status().wireValue());
    return task.status() == TaskStatus.COMPLETED ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a task. Exit code 4 if unknown.")
  static final class Get implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK_ID")
    String taskId;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      Task t = cli.backstage().scaffolder().tasks().get(taskId);
      Map<String, Object> data = task(t);
      data.put("parameters", t.parameters());
      cli.printer().print(data, () -> table(List.of(t)));
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks, newest first.")
  static final class ListTasks implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only tasks in this status: ${COMPLETION-CANDIDATES}.")
    List<TaskStatus> statuses;

    @Option(names = "--created-by", paramLabel = "USER_REF", description = "Only tasks created by this user.")
    String createdBy;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "At most N (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      TaskQuery.Builder q = TaskQuery.builder().newestFirst().limit(limit);
      if (statuses != null) {
        statuses.forEach(q::status);
      }
      if (createdBy != null) {
        q.createdBy(createdBy);
      }
      TaskList list = cli.backstage().scaffolder().tasks().list(q.build());
      List<Map<String, Object>> data = new ArrayList<>();
      list.tasks().forEach(t -> data.add(task(t)));
      cli.printer().print(data, () -> table(list.tasks()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a running task.")
  static final class Cancel implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK_ID")
    String taskId;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      cli.backstage().scaffolder().tasks().cancel(taskId);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("cancelled", taskId);
      cli.printer().print(data, () -> Printer.Table.of("CANCELLED").row(taskId));
      return ExitCodes.OK;
    }
  }

  @Command(name = "logs", mixinStandardHelpOptions = true,
      description = "Print a task's log; with --follow, until the task ends (exit 1 if it failed).")
  static final class Logs implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--follow", description = "Keep printing until the task ends.")
    boolean follow;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      if (follow) {
        return follow(cli, taskId, 0);
      }
      List<String> log = new ArrayList<>();
      for (TaskEvent e : cli.backstage().scaffolder().tasks().events(taskId, 0)) {
        if (e.type() == TaskEventType.LOG && e.message() != null) {
          log.add((e.stepId() == null ? "" : "[" + e.stepId() + "] ") + e.plainMessage());
        }
      }
      cli.printer().print(log, () -> {
        Printer.Table t = Printer.Table.of("LOG");
        log.forEach(t::row);
        return t;
      });
      return ExitCodes.OK;
    }
  }
}
