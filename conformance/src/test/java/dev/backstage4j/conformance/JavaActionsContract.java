package dev.backstage4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.plugin.actions.ActionsRegistry;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import dev.backstage4j.testsupport.LogCapture;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template steps that run actions a Java plugin ({@code javatest}, routed by the target's discovery and listed in
 * its {@code pluginSources}) serves with {@link ActionsRegistry}: the scaffolder lists them, validates the input
 * before invoking, invokes over HTTP with its plugin tokens (carrying the user who started the task), copies the
 * outputs for later steps, dry-runs only read-only actions, and fails the step when the action fails.
 */
abstract class JavaActionsContract {
    static final String ID = "javatest";
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(90);

    protected ContractTarget target;
    /** Every call of an action: "name caller-subject actor input". */
    protected final List<String> invocations = new CopyOnWriteArrayList<>();
    protected final List<BackstagePrincipal> callers = new CopyOnWriteArrayList<>();
    private PluginServer server;
    private String locationId;

    @BeforeEach
    void start(ContractTarget target) throws Exception {
        this.target = target;
        ClientConfig backstage = ClientConfig.builder().baseUrl(target.baseUrl()).build();
        TokenVerifier verifier = TokenVerifier.builder().pluginTokens(ID, backstage).userTokens(backstage).build();
        PluginRouter router = actions().mount(PluginRouter.builder(PluginIdentity.generate(ID), verifier)).build();
        server = PluginServer.start(router, new InetSocketAddress("127.0.0.1", target.javaPluginPort()),
                "/api/" + ID, 4);
    }

    @AfterEach
    void stop() {
        if (locationId != null) {
            try (CatalogClient catalog = Contracts.catalog(target)) {
                catalog.locations().delete(locationId);
            }
        }
        server.close();
    }

    private ActionsRegistry actions() {
        Action greet = Action.builder("greet")
                .title("Greet").description("Greets someone (writes nothing, but says nothing about it)")
                .inputSchema("""
                        {"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""")
                .outputSchema("""
                        {"type":"object","properties":{"greeting":{"type":"string"},"caller":{"type":"string"}}}""")
                .handler(call -> {
                    record(call.principal(), "greet " + call.input());
                    return Map.of("greeting", "Hello, " + call.input().get("name") + "!",
                            "caller", call.principal().subject());
                })
                .build();
        Action lookup = Action.builder("lookup")
                .title("Lookup").description("Looks a key up")
                .attributes(ActionAttributes.READ_ONLY)
                .inputSchema("""
                        {"type":"object","properties":{"key":{"type":"string"}},"required":["key"]}""")
                .outputSchema("""
                        {"type":"object","properties":{"value":{"type":"string"}}}""")
                .handler(call -> {
                    record(call.principal(), "lookup " + call.input());
                    return Map.of("value", "value-of-" + call.input().get("key"));
                })
                .build();
        Action explode = Action.builder("explode")
                .description("Always fails")
                .inputSchema("{\"type\":\"object\"}")
                .handler(call -> {
                    record(call.principal(), "explode");
                    throw new IllegalStateException("the build server is on fire");
                })
                .build();
        return ActionsRegistry.of(greet, lookup, explode);
    }

    private void record(BackstagePrincipal caller, String what) {
        callers.add(caller);
        invocations.add(what);
    }

    private static final String TEMPLATES = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: %1$s-run
              title: Java actions
            spec:
              owner: group:default/web-team
              type: service
              parameters:
                - title: Who
                  properties:
                    name: { type: string }
              steps:
                - id: greet
                  name: Greet
                  action: javatest:greet
                  input:
                    name: ${{ parameters.name }}
                - id: lookup
                  name: Lookup
                  action: javatest:lookup
                  input:
                    key: ${{ steps.greet.output.greeting }}
                - id: log
                  name: Log
                  action: debug:log
                  input:
                    message: java said ${{ steps.greet.output.greeting }}
              output:
                greeting: ${{ steps.greet.output.greeting }}
                caller: ${{ steps.greet.output.caller }}
                value: ${{ steps.lookup.output.value }}
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: %1$s-bad-input
              title: Java action with bad input
            spec:
              owner: group:default/web-team
              type: service
              steps:
                - id: greet
                  name: Greet
                  action: javatest:greet
                  input:
                    name: [1, 2]
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: %1$s-explode
              title: Java action that fails
            spec:
              owner: group:default/web-team
              type: service
              steps:
                - id: explode
                  name: Explode
                  action: javatest:explode
                  input: {}
            """;

    /** Registers the three templates as a file location and waits until the target has ingested them. */
    private String registerTemplates(Path dir) throws Exception {
        String prefix = Contracts.uniqueName("java-actions");
        Path file = dir.resolve("templates.yaml");
        Files.writeString(file, String.format(TEMPLATES, prefix));
        try (CatalogClient catalog = Contracts.catalog(target)) {
            locationId = catalog.locations().register("file", file.toAbsolutePath().toString()).location().id();
            for (String suffix : List.of("-run", "-bad-input", "-explode")) {
                EntityRef ref = EntityRef.parse("template:default/" + prefix + suffix);
                Contracts.await(ref + " is ingested", () -> catalog.entities().find(ref).isPresent());
            }
        }
        return prefix;
    }

    private TaskResult run(String templateRef, Map<String, Object> values, CredentialsProvider credentials) {
        try (ScaffolderClient scaffolder = Contracts.scaffolder(target, credentials)) {
            String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(templateRef).values(values)
                    .build());
            return scaffolder.tasks().awaitCompletion(id, TASK_TIMEOUT);
        }
    }

    @Test
    void templateSteps_runJavaActions_andLaterStepsAndTheOutputSeeTheirOutputs(@TempDir Path dir) throws Exception {
        String prefix = registerTemplates(dir);

        TaskResult result = run("template:default/" + prefix + "-run", Map.of("name", "ada"),
                CredentialsProvider.staticToken(target.token()));

        assertTrue(result.succeeded(), () -> "task failed: " + result.errorMessage());
        assertEquals(Map.of("greeting", "Hello, ada!", "caller", "plugin:scaffolder",
                "value", "value-of-Hello, ada!"), result.output());
        assertTrue(result.log().stream().anyMatch(e -> e.plainMessage().contains("java said Hello, ada!")),
                "the debug:log step saw the Java output");
        assertEquals(List.of("greet {name=ada}", "lookup {key=Hello, ada!}"), invocations);
        assertEquals(BackstagePrincipal.Kind.PLUGIN, callers.get(0).kind());
    }

    @Test
    void badInput_isRefusedByTheScaffolder_beforeAnyInvoke(@TempDir Path dir) throws Exception {
        String prefix = registerTemplates(dir);

        TaskResult result = run("template:default/" + prefix + "-bad-input", Map.of(),
                CredentialsProvider.staticToken(target.token()));

        assertFalse(result.succeeded());
        assertTrue(result.errorMessage().startsWith(
                "Invalid input passed to action javatest:greet, instance.name is not of a type(s) string"),
                result.errorMessage());
        assertEquals(List.of(), invocations, "nothing reached the Java plugin");
    }

    @Test
    void aTaskStartedByAGuestUser_reachesTheJavaActionAsThatUser(@TempDir Path dir) throws Exception {
        String prefix = registerTemplates(dir);

        TaskResult result = run("template:default/" + prefix + "-run", Map.of("name", "alice"),
                CredentialsProvider.staticToken(target.userToken()));

        assertTrue(result.succeeded(), () -> "task failed: " + result.errorMessage());
        assertEquals("user:default/alice", result.output().get("caller"));
        BackstagePrincipal caller = callers.get(0);
        assertEquals(BackstagePrincipal.Kind.USER, caller.kind());
        assertEquals("user:default/alice", caller.subject());
        assertEquals("plugin:scaffolder", caller.actor());
    }

    @Test
    void aThrowingAction_failsTheStep_andTheJavaSideLoggedWhy(@TempDir Path dir) throws Exception {
        String prefix = registerTemplates(dir);
        TaskResult result;
        String logged;
        try (LogCapture logs = LogCapture.start()) {
            result = run("template:default/" + prefix + "-explode", Map.of(),
                    CredentialsProvider.staticToken(target.token()));
            logged = logs.text();
        }

        assertFalse(result.succeeded());
        assertEquals("Request failed with 500 Internal Server Error", result.errorMessage(),
                "the scaffolder keeps only the status line");
        assertTrue(logged.contains("Action javatest:explode invoked by plugin:scaffolder threw"), logged);
        assertTrue(logged.contains("the build server is on fire"), logged);
    }

    @Test
    void theScaffoldersActionList_includesTheJavaActions() {
        List<dev.backstage4j.scaffolder.Action> listed;
        try (ScaffolderClient scaffolder = Contracts.scaffolder(target)) {
            listed = scaffolder.actions().list();
        }
        dev.backstage4j.scaffolder.Action lookup = listed.stream().filter(a -> a.id().equals("javatest:lookup"))
                .findFirst().orElseThrow(() -> new AssertionError("javatest:lookup not in " + listed));
        assertEquals("Looks a key up", lookup.description());
        assertEquals(List.of("key"), lookup.inputSchema().get("required"));
        assertTrue(listed.stream().anyMatch(a -> a.id().equals("debug:log")), "the built-in ones too");
        assertEquals(List.of(), invocations, "listing invokes nothing");
    }

    @Test
    void dryRun_invokesOnlyTheReadOnlyAction() {
        Map<String, Object> template = Map.of(
                "apiVersion", "scaffolder.backstage.io/v1beta3",
                "kind", "Template",
                "metadata", Map.of("name", "java-actions-dry-run"),
                "spec", Map.of("owner", "group:default/web-team", "type", "service",
                        "steps", List.of(
                                Map.of("id", "greet", "name", "Greet", "action", "javatest:greet",
                                        "input", Map.of("name", "ada")),
                                Map.of("id", "lookup", "name", "Lookup", "action", "javatest:lookup",
                                        "input", Map.of("key", "k9")))));
        DryRunResult result;
        try (ScaffolderClient scaffolder = Contracts.scaffolder(target)) {
            result = scaffolder.templates().dryRun(DryRunRequest.builder().template(template).build());
        }

        assertEquals(List.of("lookup {key=k9}"), invocations);
        assertTrue(result.log().stream().anyMatch(e -> e.message().contains(
                "Skipping because javatest:greet does not support dry-run")), () -> result.log().toString());
    }
}
