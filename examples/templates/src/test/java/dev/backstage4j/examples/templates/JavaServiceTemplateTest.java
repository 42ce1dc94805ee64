package dev.backstage4j.examples.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.template.TemplateValidator;
import dev.backstage4j.testkit.FakeBackstage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaServiceTemplateTest {
  static final Path FOLDER = Path.of("java-service");

  @Test
  void committedYaml_isWhatTheJavaDefinitionGenerates() throws Exception {
    String expected = JavaServiceTemplate.header() + JavaServiceTemplate.definition().toYaml();
    assertEquals(expected, Files.readString(FOLDER.resolve("template.yaml")),
        "java-service/template.yaml is stale: run JavaServiceTemplate to regenerate it");
  }

  @Test
  void definition_passesTheOfflineValidator() {
    assertEquals(java.util.List.of(), TemplateValidator.offline().validate(JavaServiceTemplate.definition()));
  }

  @Test
  void dryRun_onTheTestkit_rendersTheJavaSkeleton() {
    try (FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start()) {
      ScaffolderClient scaffolder = ScaffolderClient.create(fake.baseUrl(),
          CredentialsProvider.staticToken(fake.token()));
      DryRunResult result = scaffolder.templates().dryRun(DryRunRequest.fromDirectory(FOLDER)
          .value("name", "orders-service").value("description", "Takes orders")
          .value("owner", "group:default/web-team").value("javaPackage", "com.tinyshop.orders").build());
      Map<String, String> files = new HashMap<>();
      result.files().forEach(f -> files.put(f.path(), f.text()));
      assertTrue(files.get("pom.xml").contains("<artifactId>orders-service</artifactId>"), files.toString());
      assertTrue(files.get("src/main/java/App.java").startsWith("package com.tinyshop.orders;"), files.toString());
      assertTrue(files.get("catalog-info.yaml").contains("owner: group:default/web-team"), files.toString());
      assertTrue(result.log().stream().anyMatch(e -> e.message().contains("Created orders-service")),
          result.log().toString());
    }
  }
}
