package dev.backstage4j.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.mockwebserver.MockResponse;

/**
 * Golden exchanges captured from a real Backstage backend (see fixtures/catalog/README in conformance):
 * {@code {"request": {...}, "response": {"status", "headers", "body"}}}.
 */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/catalog/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return JSON.readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded response of fixture {@code name}. */
  static MockResponse response(String name) {
    return response(name, body -> { });
  }

  /**
   * The recorded response, with its body adjusted first (e.g. identity fields added to projected items, as the
   * server returns when asked for them).
   */
  @SuppressWarnings("unchecked")
  static MockResponse response(String name, Consumer<Object> adjustBody) {
    Map<String, Object> r = (Map<String, Object>) load(name).get("response");
    MockResponse m = new MockResponse().setResponseCode(((Number) r.get("status")).intValue());
    ((Map<String, Object>) r.get("headers")).forEach((k, v) -> m.setHeader(k, String.valueOf(v)));
    Object body = r.get("body");
    if (body != null) {
      adjustBody.accept(body);
      try {
        m.setBody(body instanceof String ? (String) body : JSON.writeValueAsString(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return m;
  }

  /** Adds {@code apiVersion} and {@code metadata.namespace} to projected items, as requested by the client. */
  @SuppressWarnings("unchecked")
  static void addIdentity(Object body) {
    List<Object> items = body instanceof List ? (List<Object>) body : (List<Object>) ((Map<String, Object>) body)
        .get("items");
    for (Object o : items) {
      if (o instanceof Map) {
        Map<String, Object> e = (Map<String, Object>) o;
        e.putIfAbsent("apiVersion", "backstage.io/v1alpha1");
        e.putIfAbsent("kind", "Component");
        ((Map<String, Object>) e.computeIfAbsent("metadata", k -> new LinkedHashMap<>()))
            .putIfAbsent("namespace", "default");
      }
    }
  }

  /** The recorded request body of fixture {@code name}. */
  @SuppressWarnings("unchecked")
  static Object requestBody(String name) {
    return ((Map<String, Object>) load(name).get("request")).get("body");
  }

  static Map<String, Object> tree(String json) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(json, LinkedHashMap.class);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
