package dev.backstage4j.examples.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.testkit.FakeBackstage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scripts against the testkit seeded with the sample organisation. */
class ScriptsTest {
  FakeBackstage fake;
  CatalogClient catalog;

  @BeforeEach
  void start() {
    fake = FakeBackstage.builder().sampleCatalog().build().start();
    catalog = CatalogClient.create(fake.baseUrl(), CredentialsProvider.staticToken(fake.token()));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void unownedComponents_findsTheOwnerThatDoesNotExist() {
    assertEquals(List.of("component:default/recommendation-model\towner group:data-science is not a Group or User"
        + " in the catalog"), UnownedComponents.find(catalog));
  }

  @Test
  void bulkRegister_registersValidFilesAndSkipsInvalidOnes(@TempDir Path root) throws Exception {
    write(root.resolve("a/catalog-info.yaml"), "bulk-a", "group:web-team");
    write(root.resolve("b/deeper/catalog-info.yaml"), "bulk-b", "group:payments-team");
    Files.createDirectories(root.resolve("c"));
    Files.writeString(root.resolve("c/catalog-info.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
        + "metadata:\n  name: Not Valid\nspec: {type: service, lifecycle: x, owner: y}\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int failed = BulkRegister.run(catalog, root, false, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(1, failed, out);
    assertTrue(out.contains("SKIP") && out.contains("metadata.name"), out);
    assertTrue(catalog.entities().find(EntityRef.parse("component:bulk-a")).isPresent(), out);
    assertTrue(catalog.entities().find(EntityRef.parse("component:bulk-b")).isPresent(), out);
    assertTrue(out.endsWith("3 files, 1 failed\n"), out);
  }

  @Test
  void bulkRegister_dryRunStoresNothing(@TempDir Path root) throws Exception {
    write(root.resolve("catalog-info.yaml"), "bulk-dry", "group:web-team");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertEquals(0, BulkRegister.run(catalog, root, true, new PrintStream(buf, true, StandardCharsets.UTF_8)));
    assertTrue(buf.toString(StandardCharsets.UTF_8).contains("WOULD ADD"));
    assertTrue(catalog.entities().find(EntityRef.parse("component:bulk-dry")).isEmpty());
  }

  @Test
  void teamKpisCsv_oneRowPerOwnedEntity() {
    String csv = TeamKpisCsv.csv(catalog, "web-team");
    List<String> lines = csv.lines().collect(java.util.stream.Collectors.toList());
    assertTrue(lines.get(0).startsWith("ref,kind,owner"), lines.get(0));
    assertTrue(csv.contains("component:default/storefront-web"), csv);
    assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("group:default/web-team")), csv);
  }

  private static void write(Path file, String name, String owner) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: service\n  lifecycle: experimental\n  owner: " + owner + "\n");
  }
}
