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
import org.apache.commons.cli.Option;

/** Groups the scaffolder task commands: get, list, cancel, logs. */
final class TaskCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION = "Look at, follow and cancel scaffolder tasks.";

  private TaskCommand() {
  }

  /** The group's commands, in help order. */
  static List<Command> commands() {
    return List.of(new Get(), new ListTasks(), new Cancel(), new Logs());
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
    Map<String, Object> output = Map.of();
    try (TaskEventStream events = scaffolder.tasks().follow(taskId, after)) {
      while (events.hasNext()) {
        TaskEvent e = events.next();
        if (e.type() == TaskEventType.COMPLETION) {
          output = e.output();
        }
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
    data.put("output", output);
    if (printer.structured()) {
      printer.print(data, null);
    } else {
      printOutput(cli, output);
    }
    cli.summary("task " + taskId + " " + task.status().wireValue());
    return task.status() == TaskStatus.COMPLETED ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  /** The template's {@code output}: its text entries and links, as a person reads them at the end of a run. */
  private static void printOutput(Cli cli, Map<String, Object> output) {
    for (Object entry : output.get("text") instanceof List ? (List<?>) output.get("text") : List.of()) {
      if (entry instanceof Map) {
        Map<?, ?> text = (Map<?, ?>) entry;
        cli.out().println((text.get("title") == null ? "" : text.get("title") + ": ") + text.get("content"));
      }
    }
    for (Object entry : output.get("links") instanceof List ? (List<?>) output.get("links") : List.of()) {
      if (entry instanceof Map) {
        Map<?, ?> link = (Map<?, ?>) entry;
        Object target = link.get("url") != null ? link.get("url") : link.get("entityRef");
        cli.out().println((link.get("title") == null ? "" : link.get("title") + ": ") + target);
      }
    }
    output.forEach((key, value) -> {
      if (!key.equals("text") && !key.equals("links")) {
        cli.out().println(key + ": " + (value instanceof String ? value : Printer.json(value).replace('\n', ' ')));
      }
    });
    cli.out().flush();
  }

  static final class Get extends Command {
    Get() {
      super("get", "Print a task. Exit code 4 if unknown.", null);
      param("TASK_ID", "The task's id, as printed by template run.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      Task t = cli.backstage().scaffolder().tasks().get(in.arg(0));
      Map<String, Object> data = task(t);
      data.put("parameters", t.parameters());
      cli.printer().print(data, () -> table(List.of(t)));
      return ExitCodes.OK;
    }
  }

  static final class ListTasks extends Command {
    private final Option statusOption = value("status", "STATUS", "Only tasks in this status (repeatable): open,"
        + " processing, completed, failed, cancelled, skipped.");
    private final Option createdByOption = value("created-by", "USER_REF", "Only tasks created by this user.");
    private final Option limitOption = value("limit", "N", "At most N (default: 50).");

    ListTasks() {
      super("list", "List tasks, newest first.", null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      String createdBy = in.value(createdByOption);
      TaskQuery.Builder q = TaskQuery.builder().newestFirst().limit(in.count(limitOption, 50));
      in.choices(statusOption, TaskStatus.class).forEach(q::status);
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

  static final class Cancel extends Command {
    Cancel() {
      super("cancel", "Cancel a running task.", null);
      param("TASK_ID", "The task's id.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      String taskId = in.arg(0);
      cli.backstage().scaffolder().tasks().cancel(taskId);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("cancelled", taskId);
      cli.printer().print(data, () -> Printer.Table.of("CANCELLED").row(taskId));
      return ExitCodes.OK;
    }
  }

  static final class Logs extends Command {
    private final Option followOption = flag("follow", "Keep printing until the task ends.");

    Logs() {
      super("logs", "Print a task's log; with --follow, until the task ends (exit 1 if it failed).", null);
      param("TASK_ID", "The task's id.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      String taskId = in.arg(0);
      if (in.flag(followOption)) {
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
