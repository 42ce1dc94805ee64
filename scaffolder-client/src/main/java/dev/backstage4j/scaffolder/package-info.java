/**
 * Backstage scaffolder client: launch software-template tasks, follow their logs live, dry-run templates from a
 * local folder, and list actions.
 *
 * <pre>{@code
 * ScaffolderClient scaffolder = ScaffolderClient.create(URI.create("http://backstage:7007"),
 *     CredentialsProvider.staticToken(token));
 * String taskId = scaffolder.tasks().create(TaskRequest.builder()
 *     .templateRef("template:default/hello-world")
 *     .value("name", "my-service")
 *     .build());
 * TaskResult result = scaffolder.tasks().awaitCompletion(taskId, Duration.ofMinutes(5));
 * result.log().forEach(e -> System.out.println(e.message()));
 * }</pre>
 *
 * <p>What the real server does, modelled here: a cancelled task ends with status {@link
 * dev.backstage4j.scaffolder.TaskStatus#FAILED} (after a {@link dev.backstage4j.scaffolder.TaskEventType#CANCELLED}
 * event); event ids come from one sequence shared by all tasks; task creation is never repeated automatically.
 */
package dev.backstage4j.scaffolder;
