package dev.backstage4j.examples.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TemplateParameterSchema;
import dev.backstage4j.scaffolder.template.TemplateValidator;
import dev.backstage4j.testkit.FakeBackstage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaServiceTemplateTest {
  static final Path FOLDER = Path.of("java-service");
  /** Maven on the PATH, using the build's own local repository (set by this module's surefire configuration). */
  static final String MAVEN = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
  static final String LOCAL_REPO = System.getProperty("b4j.localRepository",
      Path.of(System.getProperty("user.home"), ".m2", "repository").toString());

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
      assertTrue(files.get("src/main/java/com/tinyshop/orders/App.java").startsWith("package com.tinyshop.orders;"),
          files.toString());
      assertTrue(files.get("catalog-info.yaml").contains("owner: group:default/web-team"), files.toString());
      assertTrue(result.log().stream().anyMatch(e -> e.message().contains("Created orders-service")),
          result.log().toString());
    }
  }

  /**
   * What a user gets from Backstage's form: only the required values typed in, the defaults filled in (the
   * scaffolder applies none); the produced project builds offline and its test passes.
   */
  @Test
  void dryRunWithTheFormsDefaults_producesAProjectThatBuildsAndPassesItsTest(@TempDir Path out) throws Exception {
    try (FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start()) {
      ScaffolderClient scaffolder = ScaffolderClient.create(fake.baseUrl(),
          CredentialsProvider.staticToken(fake.token()));
      DryRunRequest.Builder request = DryRunRequest.fromDirectory(FOLDER);
      Map<String, Object> values = TemplateParameterSchema.fromTemplate(request.build().template())
          .withDefaults(Map.of("name", "orders-service", "owner", "group:default/web-team"));
      scaffolder.templates().dryRun(request.values(values).build()).writeTo(out);
    }
    assertTrue(Files.isRegularFile(out.resolve("src/main/java/com/example/service/App.java")),
        "the package's default applied to the path");

    Path log = out.resolve("mvn.log");
    Process mvn = new ProcessBuilder(MAVEN, "-B", "-o", "-q", "-Dmaven.repo.local=" + LOCAL_REPO, "verify")
        .directory(out.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!mvn.waitFor(3, TimeUnit.MINUTES)) {
      mvn.destroyForcibly();
      throw new AssertionError("mvn verify of the generated project took over 3 minutes:\n" + Files.readString(log));
    }
    assertEquals(0, mvn.exitValue(), "mvn verify of the generated project failed:\n" + Files.readString(log));
    assertTrue(Files.readString(out.resolve("target/surefire-reports/com.example.service.AppTest.txt"))
        .contains("Tests run: 1, Failures: 0, Errors: 0"), "its test ran");
  }
}
