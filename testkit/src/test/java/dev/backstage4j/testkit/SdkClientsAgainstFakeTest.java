package dev.backstage4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.ServerException;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TaskResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's three lines, exercised: the extension injects SDK clients configured for the class's fake. */
@BackstageTest
class SdkClientsAgainstFakeTest {

  @Test
  void catalogClient_pagesTheWholeSampleCatalog(CatalogClient catalog) {
    List<Entity> all = catalog.entities().query(EntityQuery.all()).toList();
    assertEquals(27, all.size());
    assertTrue(catalog.entities().find(EntityRef.parse("component:default/payments-service")).isPresent());
    assertTrue(catalog.entities().find(EntityRef.parse("component:default/nope")).isEmpty());
  }

  @Test
  void scaffolderClient_runsATemplateToCompletion(ScaffolderClient scaffolder, FakeBackstage fake) {
    String id = scaffolder.tasks().create(TaskRequest.builder().templateRef("template:default/create-service")
        .value("name", "from-sdk").value("owner", "group:default/web-team").build());
    TaskResult result = scaffolder.tasks().awaitCompletion(id, Duration.ofSeconds(20));
    assertTrue(result.succeeded(), result.toString());
    assertTrue(fake.taskWorkspace(id).get("catalog-info.yaml").contains("from-sdk"));
  }

  @Test
  void injectedFaults_areSeenByTheClientsRetryAndErrorMapping(FakeBackstage fake) {
    CatalogClient retrying = CatalogClient.builder().config(ClientConfig.builder().baseUrl(fake.baseUrl())
        .credentials(CredentialsProvider.staticToken(fake.token()))
        .retry(RetryOptions.builder().maxRetries(3).initialBackoff(Duration.ofMillis(10)).build()).build()).build();
    fake.faults().failNext(2, 503);
    int before = fake.requestCount();
    assertTrue(retrying.entities().find(EntityRef.parse("group:default/web-team")).isPresent());
    assertEquals(3, fake.requestCount() - before);

    CatalogClient noRetry = CatalogClient.builder().config(ClientConfig.builder().baseUrl(fake.baseUrl())
        .credentials(CredentialsProvider.staticToken(fake.token())).retry(RetryOptions.disabled()).build()).build();
    fake.faults().failNext(1, 503);
    ServerException e = assertThrows(ServerException.class,
        () -> noRetry.entities().find(EntityRef.parse("group:default/web-team")));
    assertEquals(503, e.statusCode());
  }
}
