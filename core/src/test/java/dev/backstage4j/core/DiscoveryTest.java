package dev.backstage4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.ApiResponse;
import dev.backstage4j.core.internal.HttpTransport;
import java.net.URI;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** Plugin id to base URL with the semantics of Backstage's {@code discovery.endpoints} (HostDiscovery). */
class DiscoveryTest {
  private static final URI BACKSTAGE = URI.create("http://backstage:7007/");

  @Test
  void withoutEntries_everyPluginIsUnderApi() {
    assertEquals(URI.create("http://backstage:7007/api/catalog"), Discovery.of(BACKSTAGE).baseUrl("catalog"));
  }

  @Test
  void target_replacesPluginIdPlaceholder_withOrWithoutSpaces_andEncodesTheId() {
    Discovery d = Discovery.builder(BACKSTAGE)
        .endpoint("http://javatools:8080/x/{{pluginId}}/", "javatools")
        .endpoint("http://other:9000/{{ pluginId }}", "my plugin")
        .build();
    assertEquals(URI.create("http://javatools:8080/x/javatools"), d.baseUrl("javatools"));
    assertEquals(URI.create("http://other:9000/my%20plugin"), d.baseUrl("my plugin"));
    assertEquals(URI.create("http://backstage:7007/api/scaffolder"), d.baseUrl("scaffolder"));
  }

  @Test
  void exactIdWinsOverWildcard_andTheFirstEntryNamingAnIdWins() {
    Discovery d = Discovery.builder(BACKSTAGE)
        .endpoint("http://gateway/api/{{pluginId}}", "*")
        .endpoint("http://first/{{pluginId}}", "javatools")
        .endpoint("http://second/{{pluginId}}", "javatools")
        .build();
    assertEquals(URI.create("http://first/javatools"), d.baseUrl("javatools"));
    assertEquals(URI.create("http://gateway/api/catalog"), d.baseUrl("catalog"));
  }

  @Test
  void badEntries_areRefusedNamingWhatWasWrong() {
    Discovery.Builder b = Discovery.builder(BACKSTAGE);
    IllegalArgumentException noIds = assertThrows(IllegalArgumentException.class,
        () -> b.endpoint("http://x/{{pluginId}}"));
    assertTrue(noIds.getMessage().contains("names no plugin id"), noIds.getMessage());
    IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
        () -> b.endpoint("/api/{{pluginId}}", "javatools"));
    assertTrue(relative.getMessage().contains("absolute http(s) URL"), relative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Discovery.of(BACKSTAGE).baseUrl(" "));
  }

  @Test
  void clients_sendTheirRequestsWhereDiscoveryRoutesThePlugin() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse().setBody("routed"));
      ClientConfig config = ClientConfig.builder().baseUrl("http://unused.invalid:7007")
          .discovery(Discovery.builder(URI.create("http://unused.invalid:7007"))
              .endpoint(server.url("/java/{{pluginId}}").toString().replace("%7B", "{").replace("%7D", "}"), "catalog")
              .build())
          .retry(RetryOptions.disabled()).build();
      HttpTransport catalog = HttpTransport.create(config, "catalog");
      try {
        assertEquals("routed", catalog.execute(ApiRequest.get("/entities").build(), ApiResponse::text));
      } finally {
        catalog.close();
      }
      assertEquals("/java/catalog/entities", server.takeRequest().getPath());
    }
  }
}
