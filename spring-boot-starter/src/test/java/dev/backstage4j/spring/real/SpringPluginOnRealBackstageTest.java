package dev.backstage4j.spring.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.conformance.RealBackstage;
import dev.backstage4j.conformance.RealBackstageExtension;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The proof for the starter: a Spring Boot app with one dependency's worth of setup
 * ({@code backstage.base-url}, {@code backstage.plugin.id}) and an {@link Action} bean is a plugin of a REAL
 * Backstage backend (the conformance suite's, which routes {@code springtest} to this app and lists its actions):
 * a template step runs the Java action, which reads the catalog as the caller with the app's own plugin tokens.
 */
@ExtendWith(RealBackstageExtension.class)
class SpringPluginOnRealBackstageTest {

  @SpringBootApplication
  static class OwnerApp {
    record Owner(String entityRef) {
    }

    @Bean
    Action entityOwner(CatalogClient catalog) {
      return Action.builder("entity-owner").title("Entity owner").description("The owner of a catalog entity")
          .attributes(ActionAttributes.READ_ONLY).input(Owner.class)
          .handler(call -> Map.of("owner", String.valueOf(catalog.withCredentials(call.credentialsOnBehalfOf(
              "catalog")).entities().find(EntityRef.parse(call.input(Owner.class).entityRef())).orElseThrow()
              .spec().get("owner")), "caller", call.principal().subject()))
          .build();
    }
  }

  private static final String TEMPLATE = """
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata:
        name: %s
        title: Who owns it
      spec:
        owner: group:default/web-team
        type: service
        parameters:
          - properties:
              entityRef: { type: string }
        steps:
          - id: owner
            name: Ask the Spring plugin
            action: springtest:entity-owner
            input:
              entityRef: ${{ parameters.entityRef }}
        output:
          owner: ${{ steps.owner.output.owner }}
          caller: ${{ steps.owner.output.caller }}
      """;

  @Test
  void anActionBean_runsAsATemplateStep_onTheRealScaffolder(RealBackstage backstage, @TempDir Path dir)
      throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OwnerApp.class).properties(
        "server.address=127.0.0.1", "server.port=" + backstage.javaPluginPort(),
        "backstage.base-url=" + backstage.baseUrl(), "backstage.plugin.id=springtest").run()) {
      String name = "spring-owner-" + UUID.randomUUID().toString().substring(0, 8);
      Path file = Files.writeString(dir.resolve("template.yaml"), String.format(TEMPLATE, name));
      CredentialsProvider admin = CredentialsProvider.staticToken(backstage.token());
      try (CatalogClient catalog = CatalogClient.create(backstage.baseUrl(), admin)) {
        String location = catalog.locations().register("file", file.toString()).location().id();
        try {
          EntityRef template = EntityRef.parse("template:default/" + name);
          Instant deadline = Instant.now().plusSeconds(60);
          while (catalog.entities().find(template).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
          }
          Object owner = catalog.entities().find(EntityRef.parse("component:default/storefront-web")).orElseThrow()
              .spec().get("owner");

          TaskResult asService = run(ScaffolderClient.create(backstage.baseUrl(), admin), template);
          assertThat(asService.succeeded()).as("task: %s", asService.errorMessage()).isTrue();
          assertThat(asService.output()).containsEntry("owner", owner).containsEntry("caller", "plugin:scaffolder");

          TaskResult asAlice = run(ScaffolderClient.create(backstage.baseUrl(),
              CredentialsProvider.staticToken(backstage.userToken())), template);
          assertThat(asAlice.succeeded()).as("task: %s", asAlice.errorMessage()).isTrue();
          assertThat(asAlice.output()).containsEntry("owner", owner).containsEntry("caller", "user:default/alice");
        } finally {
          catalog.locations().delete(location);
        }
      }
    }
  }

  private static TaskResult run(ScaffolderClient scaffolder, EntityRef template) {
    try (scaffolder) {
      String id = scaffolder.tasks().create(TaskRequest.builder().templateRef(template.toString())
          .value("entityRef", "component:default/storefront-web").build());
      return scaffolder.tasks().awaitCompletion(id, Duration.ofSeconds(90));
    }
  }
}
