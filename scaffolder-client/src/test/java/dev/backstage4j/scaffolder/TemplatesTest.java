package dev.backstage4j.scaffolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.UnsupportedEndpointException;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplatesTest {
  @RegisterExtension
  final MockServer mock = new MockServer();

  @Test
  void parameterSchema_usesNamespaceKindNameOrder_andParsesPages() throws Exception {
    mock.enqueue(Fixtures.response("get-parameter-schema/create-service"));
    TemplateParameterSchema schema = mock.client().templates().parameterSchema(
        EntityRef.of("Template", "default", "create-service"));
    assertEquals("/api/scaffolder/v2/templates/default/Template/create-service/parameter-schema", mock.take().getPath());
    assertFalse(schema.pages().isEmpty());
    assertFalse(schema.pages().get(0).schema().isEmpty());
    assertEquals(Fixtures.exchange("get-parameter-schema/create-service").at("/response/body/title").asText(),
        schema.title());
  }

  @Test
  void parameterSchema_fromShortRef_defaultsKindAndNamespace() throws Exception {
    mock.enqueue(Fixtures.response("get-parameter-schema/docs-site"));
    mock.client().templates().parameterSchema("docs-site");
    assertEquals("/api/scaffolder/v2/templates/default/template/docs-site/parameter-schema", mock.take().getPath());
  }

  @Test
  void parameterSchema_unknownTemplate_throwsNotFound() {
    mock.enqueue(Fixtures.response("get-parameter-schema/unknown-404"));
    assertThrows(NotFoundException.class, () -> mock.client().templates().parameterSchema("no-such-template"));
  }

  @Test
  void actions_listsIdsAndInputSchemas() throws Exception {
    mock.enqueue(Fixtures.response("get-actions/list"));
    List<Action> actions = mock.client().actions().list();
    assertEquals("/api/scaffolder/v2/actions", mock.take().getPath());
    Action wait = actions.stream().filter(a -> a.id().equals("debug:wait")).findFirst().orElseThrow();
    assertTrue(((Map<?, ?>) wait.inputSchema().get("properties")).containsKey("seconds"));
    assertTrue(actions.stream().anyMatch(a -> a.id().equals("fetch:template")));
  }

  @Test
  void templatingExtensions_readsFilters() throws Exception {
    mock.enqueue(Fixtures.response("get-templating-extensions/ok"));
    TemplatingExtensions ext = mock.client().templates().templatingExtensions();
    assertTrue(ext.filters().containsKey("parseRepoUrl"));
    assertEquals("/api/scaffolder/v2/templating-extensions", mock.take().getPath());
  }

  @Test
  void templatingExtensions_onOlderServer_throwsUnsupportedEndpoint() {
    mock.enqueue(new MockResponse().setResponseCode(404));
    UnsupportedEndpointException e = assertThrows(UnsupportedEndpointException.class,
        () -> mock.client().templates().templatingExtensions());
    assertTrue(e.getMessage().contains("templating extensions"), e.getMessage());
  }

  @Test
  void autocomplete_postsTokenAndContext_readsResults() throws Exception {
    mock.enqueue(Fixtures.json(200, "{\"results\":[{\"id\":\"backstage\",\"title\":\"Backstage\"},{\"id\":\"x\"}]}"));
    List<AutocompleteResult> results = mock.client().templates().autocomplete("github", "repositories", "gh-token",
        Map.of("owner", "acme"));
    assertEquals(2, results.size());
    assertEquals("Backstage", results.get(0).title());
    assertEquals("x", results.get(1).title());
    RecordedRequest r = mock.take();
    assertEquals("/api/scaffolder/v2/autocomplete/github/repositories", r.getPath());
    JsonNode body = Fixtures.JSON.readTree(r.getBody().readUtf8());
    assertEquals("gh-token", body.get("token").asText());
    assertEquals("acme", body.at("/context/owner").asText());
  }

  @Test
  void autocomplete_unknownProvider_throwsInputException() {
    mock.enqueue(Fixtures.response("post-autocomplete/unknown-provider"));
    InputException e = assertThrows(InputException.class,
        () -> mock.client().templates().autocomplete("no-such-provider", "repositories", "x", Map.of()));
    assertTrue(e.getMessage().contains("Unsupported provider"), e.getMessage());
  }

  @Test
  void autocomplete_serverWithoutEndpoint_throwsUnsupportedEndpoint() {
    mock.enqueue(new MockResponse().setResponseCode(404));
    assertThrows(UnsupportedEndpointException.class,
        () -> mock.client().templates().autocomplete("github", "repositories", "x", Map.of()));
  }
}
