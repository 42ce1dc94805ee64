package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.InputException;
import dev.backstage4j.scaffolder.Action;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.Secrets;
import dev.backstage4j.scaffolder.Task;
import dev.backstage4j.scaffolder.TaskEvent;
import dev.backstage4j.scaffolder.TaskEventStream;
import dev.backstage4j.scaffolder.TaskEventType;
import dev.backstage4j.scaffolder.TaskList;
import dev.backstage4j.scaffolder.TaskQuery;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import dev.backstage4j.scaffolder.TaskStatus;
import dev.backstage4j.scaffolder.TemplateParameterSchema;
import dev.backstage4j.scaffolder.TemplatingExtensions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaffolder: installed actions, a template's parameter schema, running the sample {@code create-service}
 * template to completion while following its event stream, listing tasks, cancelling a running task, and a
 * dry-run of a local template folder with its produced files.
 */
abstract class ScaffolderContract {

    private static final String TEMPLATE = "template:default/create-service";
    private static final String OWNER = "group:default/web-team";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    private ScaffolderClient scaffolder;

    @BeforeEach
    void bindTarget(ContractTarget target) {
        scaffolder = Contracts.scaffolder(target);
    }

    @Test
    void listsTheBuiltInActionsWithTheirSchemas() {
        List<Action> actions = scaffolder.actions().list();
        List<String> ids = actions.stream().map(Action::id).collect(Collectors.toList());
        assertTrue(ids.containsAll(List.of("fetch:template", "fetch:plain", "debug:log", "debug:wait",
                "catalog:write")), "the sample templates' actions are installed: " + ids);
        Action fetch = actions.stream().filter(a -> a.id().equals("fetch:template")).findFirst().orElseThrow();
        assertTrue(fetch.description() != null && !fetch.description().isBlank(), "fetch:template has a description");
        Object properties = fetch.inputSchema().get("properties");
        assertTrue(properties instanceof Map && ((Map<?, ?>) properties).containsKey("url"),
                "fetch:template takes a url: " + fetch.inputSchema());
    }

    @Test
    void parameterSchemaOfASampleTemplate() {
        TemplateParameterSchema schema = scaffolder.templates().parameterSchema(TEMPLATE);
        assertEquals("Create a service", schema.title());
        assertEquals("Creates a new backend service with a catalog-info.yaml and a README", schema.description());
        assertEquals(List.of("Service", "Timing"),
                schema.pages().stream().map(TemplateParameterSchema.Page::title).collect(Collectors.toList()));
        TemplateParameterSchema.Page service = schema.pages().get(0);
        assertEquals(List.of("name", "owner"), service.required());
        Map<?, ?> properties = (Map<?, ?>) service.schema().get("properties");
        assertEquals("^[a-z0-9-]+$", ((Map<?, ?>) properties.get("name")).get("pattern"));
        assertEquals(schema.title(), scaffolder.templates().parameterSchema("create-service").title(),
                "a bare name defaults to template:default/");
    }

    @Test
    void runsATemplateToCompletionFollowingTheEventStream() {
        String name = Contracts.uniqueName("contract-svc");
        String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(TEMPLATE)
                .value("name", name).value("description", "from the contract").value("owner", OWNER).build());
        assertFalse(id.isBlank());

        List<TaskEvent> events = new ArrayList<>();
        try (TaskEventStream stream = scaffolder.tasks().follow(id)) {
            for (TaskEvent event = stream.next(EVENT_TIMEOUT); event != null; event = stream.next(EVENT_TIMEOUT)) {
                events.add(event);
            }
            assertFalse(stream.isLongPolling(), "the server offers an event stream (SSE)");
        }
        assertFalse(events.isEmpty());
        TaskEvent completion = events.get(events.size() - 1);
        assertEquals(TaskEventType.COMPLETION, completion.type(), "the stream ends with the completion event");
        assertEquals(1, events.stream().filter(e -> e.type() == TaskEventType.COMPLETION).count());
        List<String> messages = events.stream().map(TaskEvent::plainMessage).collect(Collectors.toList());
        assertTrue(messages.stream().anyMatch(m -> m.contains("Rendered " + name + " for " + OWNER)),
                "debug:log wrote the rendered message: " + messages);
        assertTrue(events.stream().anyMatch(e -> "wait".equals(e.stepId()) && e.status() == TaskStatus.SKIPPED),
                "the wait step is skipped without waitSeconds: " + messages);
        assertTrue(events.stream().allMatch(e -> e.taskId().equals(id)), "every event names the task");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).id() > events.get(i - 1).id(), "event ids increase: " + events);
        }
        assertEquals("Created " + name + " owned by " + OWNER, summary(completion.output()));

        Task task = scaffolder.tasks().get(id);
        assertEquals(TaskStatus.COMPLETED, task.status());
        assertEquals(TEMPLATE, task.templateRef().orElse(null));
        assertEquals(name, task.parameters().get("name"));

        TaskResult result = scaffolder.tasks().awaitCompletion(id, EVENT_TIMEOUT);
        assertTrue(result.succeeded());
        assertFalse(result.cancelled());
        assertEquals(events.size(), result.log().size(), "the whole log is the same over /events");
        assertEquals("Created " + name + " owned by " + OWNER, summary(result.output()));

        TaskList page = scaffolder.tasks().list(TaskQuery.builder().newestFirst().limit(1).build());
        assertEquals(1, page.tasks().size(), "limit 1");
        assertTrue(page.totalTasks().orElse(0) >= 1, "totalTasks counts every matching task: " + page);
        List<Task> listed = scaffolder.tasks().list(TaskQuery.builder().newestFirst().limit(100).build()).tasks();
        assertTrue(listed.stream().anyMatch(t -> t.id().equals(id)), "newest tasks include " + id);
        List<Task> completed = scaffolder.tasks().list(TaskQuery.builder().status(TaskStatus.COMPLETED)
                .newestFirst().limit(100).build()).tasks();
        assertTrue(completed.stream().anyMatch(t -> t.id().equals(id)), "completed tasks include " + id);
        assertTrue(completed.stream().allMatch(t -> t.status() == TaskStatus.COMPLETED), "status filter");
    }

    @Test
    void aMissingRequiredParameterIsAnInputErrorWithAOneLineMessageNamingIt() {
        InputException e = assertThrows(InputException.class, () -> scaffolder.tasks().create(TaskRequest.builder()
                .templateRef(TEMPLATE).value("name", Contracts.uniqueName("contract-no-owner")).build()));
        assertEquals(400, e.statusCode());
        assertEquals("InputError", e.errorName());
        assertTrue(e.errorMessage().contains("owner"), e.errorMessage());
        assertTrue(e.details().stream().anyMatch(d -> d.message().contains("owner")), e.details().toString());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void stepStatusEventsComeInOrderAndASkippedStepIsBegunFirst() {
        String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(TEMPLATE)
                .value("name", Contracts.uniqueName("contract-steps")).value("owner", OWNER).build());
        List<TaskEvent> log = scaffolder.tasks().awaitCompletion(id, EVENT_TIMEOUT).log();
        assertEquals(List.of("fetch processing", "fetch completed", "log processing", "log completed",
                "wait processing", "wait skipped"),
                log.stream().filter(e -> e.stepId() != null && e.status() != null)
                        .map(e -> e.stepId() + " " + e.status().wireValue()).collect(Collectors.toList()),
                "step status events in order (the real scaffolder logs 'Beginning step Wait' before skipping it): "
                        + log.stream().map(TaskEvent::plainMessage).collect(Collectors.toList()));
        assertEquals("Starting up task with 3 steps", log.get(0).plainMessage());
        assertEquals("Run completed with status: completed", log.get(log.size() - 1).plainMessage());
    }

    @Test
    void eventsAfterAnIdResumeTheLog() {
        String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(TEMPLATE)
                .value("name", Contracts.uniqueName("contract-resume")).value("owner", OWNER).build());
        List<TaskEvent> all = scaffolder.tasks().awaitCompletion(id, EVENT_TIMEOUT).log();
        assertTrue(all.size() > 3, "a whole log: " + all);
        long third = all.get(2).id();
        List<TaskEvent> rest = scaffolder.tasks().events(id, third);
        assertEquals(all.subList(3, all.size()), rest, "events after an id are exactly the later ones");
        List<TaskEvent> afterLast = scaffolder.tasks().events(id, all.get(all.size() - 1).id());
        assertEquals(List.of(TaskEventType.COMPLETION),
                afterLast.stream().map(TaskEvent::type).collect(Collectors.toList()),
                "the completion event is always returned");
        List<TaskEvent> followed = new ArrayList<>();
        try (TaskEventStream stream = scaffolder.tasks().follow(id, third)) {
            stream.forEachRemaining(followed::add);
        }
        assertEquals(rest, followed, "following from an id resumes after it");
    }

    @Test
    void parameterSchemaWithAnEnum() {
        TemplateParameterSchema schema = scaffolder.templates().parameterSchema("template:default/docs-site");
        assertEquals(List.of("Site"),
                schema.pages().stream().map(TemplateParameterSchema.Page::title).collect(Collectors.toList()));
        Map<?, ?> system = (Map<?, ?>) ((Map<?, ?>) schema.pages().get(0).schema().get("properties")).get("system");
        assertEquals(List.of("storefront", "payments"), system.get("enum"));
    }

    @Test
    void dryRunOfAPlainCopyWithCatalogWrite() {
        Path folder = Contracts.sampleDir().resolve("templates/docs-site");
        DryRunResult result = scaffolder.templates().dryRun(DryRunRequest.fromDirectory(folder)
                .value("name", "dry-docs").value("owner", OWNER).build());
        Map<String, String> files = result.files().stream()
                .collect(Collectors.toMap(DryRunResult.ProducedFile::path, DryRunResult.ProducedFile::text));
        assertEquals(List.of("catalog-info.yaml", "docs/index.md", "mkdocs.yml"),
                files.keySet().stream().sorted().collect(Collectors.toList()));
        assertTrue(files.get("catalog-info.yaml").contains("name: dry-docs"), files.get("catalog-info.yaml"));
        assertEquals("Documentation site dry-docs owned by " + OWNER, summary(result.output()));
    }

    @Test
    void templatingExtensionsListTheBuiltInFilters() {
        TemplatingExtensions extensions = scaffolder.templates().templatingExtensions();
        assertTrue(extensions.filters().keySet().containsAll(List.of("parseRepoUrl", "parseEntityRef", "pick",
                "projectSlug")), "built-in filters: " + extensions.filters().keySet());
    }

    @Test
    void retryingACancelledTaskRunsItAgainUnderTheSameId() {
        String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(TEMPLATE)
                .value("name", Contracts.uniqueName("contract-retry")).value("owner", OWNER)
                .value("waitSeconds", 2).build());
        try (TaskEventStream stream = scaffolder.tasks().follow(id)) {
            TaskEvent event;
            do {
                event = stream.next(EVENT_TIMEOUT);
                assertNotNull(event, "the task completed before its wait step started");
            } while (!("wait".equals(event.stepId()) && event.status() == TaskStatus.PROCESSING));
            scaffolder.tasks().cancel(id);
        }
        Contracts.await("task " + id + " has failed after cancel",
                () -> scaffolder.tasks().get(id).status() == TaskStatus.FAILED);
        assertEquals(id, scaffolder.tasks().retry(id, Secrets.none()));
        Contracts.await("retried task " + id + " completes",
                () -> scaffolder.tasks().get(id).status() == TaskStatus.COMPLETED);
    }

    private static String summary(Map<String, Object> output) {
        Object text = output.get("text");
        assertTrue(text instanceof List && !((List<?>) text).isEmpty(), "output.text: " + output);
        return String.valueOf(((Map<?, ?>) ((List<?>) text).get(0)).get("content"));
    }

    @Test
    void cancellingARunningTaskEndsItAsFailedWithACancelledEvent() {
        String name = Contracts.uniqueName("contract-slow");
        String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(TEMPLATE)
                .value("name", name).value("owner", OWNER).value("waitSeconds", 60).build());
        List<TaskEvent> events = new ArrayList<>();
        try (TaskEventStream stream = scaffolder.tasks().follow(id)) {
            TaskEvent event;
            do {
                event = stream.next(EVENT_TIMEOUT);
                assertNotNull(event, "the task completed before its wait step started: " + events);
                events.add(event);
            } while (!("wait".equals(event.stepId()) && event.status() == TaskStatus.PROCESSING));
            assertEquals(TaskStatus.PROCESSING, scaffolder.tasks().get(id).status());

            scaffolder.tasks().cancel(id);
            for (event = stream.next(EVENT_TIMEOUT); event != null; event = stream.next(EVENT_TIMEOUT)) {
                events.add(event);
            }
        }
        assertTrue(events.stream().anyMatch(e -> e.type() == TaskEventType.CANCELLED),
                "a cancelled event: " + events);
        assertEquals(TaskEventType.COMPLETION, events.get(events.size() - 1).type());
        String error = events.get(events.size() - 1).errorMessage();
        assertTrue(error != null && error.contains("cancelled"), "the completion names the cancellation: " + error);
        assertTrue(events.stream().anyMatch(e -> "wait".equals(e.stepId()) && e.status() == TaskStatus.FAILED),
                "the wait step failed: " + events);
        assertEquals(TaskStatus.FAILED, scaffolder.tasks().get(id).status(), "a cancelled task ends as failed");
        TaskResult result = scaffolder.tasks().awaitCompletion(id, EVENT_TIMEOUT);
        assertTrue(result.cancelled());
        assertFalse(result.succeeded());
    }

    @Test
    void dryRunOfATemplateFolderProducesItsFiles(@TempDir Path out) throws Exception {
        Path folder = Contracts.sampleDir().resolve("templates/create-service");
        DryRunResult result = scaffolder.templates().dryRun(DryRunRequest.fromDirectory(folder)
                .value("name", "dry-service").value("description", "Dry run").value("owner", OWNER).build());
        Map<String, String> files = result.files().stream()
                .collect(Collectors.toMap(DryRunResult.ProducedFile::path, DryRunResult.ProducedFile::text));
        assertEquals(List.of("README.md", "catalog-info.yaml"), files.keySet().stream().sorted()
                .collect(Collectors.toList()));
        assertTrue(files.get("catalog-info.yaml").contains("name: dry-service"), files.get("catalog-info.yaml"));
        assertTrue(files.get("catalog-info.yaml").contains("owner: " + OWNER), files.get("catalog-info.yaml"));
        assertTrue(files.get("README.md").startsWith("# dry-service"), files.get("README.md"));
        assertEquals("Created dry-service owned by " + OWNER, summary(result.output()));
        assertTrue(result.log().stream().anyMatch(e -> e.message().contains("Rendered dry-service for " + OWNER)),
                "the log of the dry run: " + result.log());

        List<Path> written = result.writeTo(out);
        assertEquals(2, written.size());
        assertEquals(files.get("README.md"), Files.readString(out.resolve("README.md")));
    }

    /**
     * Parameter defaults are the form's job: the scaffolder applies none to REST callers, neither when a task is
     * created (see {@link #aMissingRequiredParameterIsAnInputErrorWithAOneLineMessageNamingIt}: create-service's
     * owner has a default) nor on a dry-run, where a missing value with a default renders as empty.
     */
    @Test
    void aDryRunAppliesNoParameterDefaults() {
        Path createService = Contracts.sampleDir().resolve("templates/create-service");
        InputException e = assertThrows(InputException.class, () -> scaffolder.templates().dryRun(
                DryRunRequest.fromDirectory(createService).value("name", "no-owner").build()));
        assertTrue(e.errorMessage().contains("owner"), e.errorMessage());

        Map<String, Object> template = Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template",
                "metadata", Map.of("name", "defaults"), "spec", Map.of("type", "service",
                        "parameters", List.of(Map.of("properties",
                                Map.of("greeting", Map.of("type", "string", "default", "hello")))),
                        "steps", List.of(Map.of("id", "fetch", "action", "fetch:template", "input",
                                Map.of("url", "./skeleton", "values", Map.of("greeting", "${{ parameters.greeting }}"))))));
        DryRunResult result = scaffolder.templates().dryRun(DryRunRequest.builder().template(template)
                .file("skeleton/out.txt", "[${{ values.greeting }}]".getBytes(StandardCharsets.UTF_8)).build());
        assertEquals("[]", result.files().get(0).text(), "an optional value left out renders empty");
    }

    /** The template written with the Java builder (examples/templates) renders the same files on both targets. */
    @Test
    void dryRunOfTheJavaAuthoredTemplateProducesTheJavaSkeleton() {
        DryRunResult result = scaffolder.templates().dryRun(DryRunRequest.fromDirectory(Contracts.javaServiceTemplateDir())
                .value("name", "orders-service").value("description", "Takes orders").value("owner", OWNER)
                .value("javaPackage", "com.tinyshop.orders").build());
        Map<String, String> files = result.files().stream()
                .collect(Collectors.toMap(DryRunResult.ProducedFile::path, DryRunResult.ProducedFile::text));
        String app = "src/main/java/com/tinyshop/orders/App.java"; // a rendered path: replace('.', '/') of the package
        assertEquals(List.of("README.md", "catalog-info.yaml", "pom.xml", app,
                "src/test/java/com/tinyshop/orders/AppTest.java"),
                files.keySet().stream().sorted().collect(Collectors.toList()));
        assertTrue(files.get("pom.xml").contains("<artifactId>orders-service</artifactId>"), files.get("pom.xml"));
        assertTrue(files.get("pom.xml").contains("<groupId>com.tinyshop.orders</groupId>"), files.get("pom.xml"));
        assertTrue(files.get(app).startsWith("package com.tinyshop.orders;"), files.get(app));
        assertTrue(files.get("catalog-info.yaml").contains("owner: " + OWNER), files.get("catalog-info.yaml"));
        assertTrue(result.log().stream().anyMatch(e -> e.message().contains("Created orders-service")),
                "the log of the dry run: " + result.log());
    }
}
