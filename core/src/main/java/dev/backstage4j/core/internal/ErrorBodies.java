package dev.backstage4j.core.internal;

import dev.backstage4j.core.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backstage's error envelope, both ways: {@link #envelope} writes
 * {@code {error:{name,message},request:{method,url},response:{statusCode}}} for every server-side piece (the
 * testkit, the servlet filter, Java plugins), and {@code parse} reads it back, plus the {@code {errors:[…]}} shape
 * of entity validation and task parameter checks, and anything else (a proxy's HTML page) as a plain excerpt.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /**
   * {@return the error envelope Backstage's backends answer with}, e.g. for 404 {@code NotFoundError}; key order as
   * Backstage writes it.
   */
  public static Map<String, Object> envelope(int status, String name, String message, String method, String url) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("name", name);
    error.put("message", message == null ? "" : message);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method);
    request.put("url", url);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("request", request);
    body.put("response", Map.of("statusCode", status));
    return body;
  }

  static ApiError parse(int status, byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    ApiError.Builder b = ApiError.builder(status).bodyExcerpt(text);
    Map<String, Object> json;
    try {
      json = text.isBlank() ? null : JsonCodec.shared().readMap(body, "error body");
    } catch (RuntimeException notJson) {
      json = null;
    }
    if (json == null) {
      return b.build();
    }
    if (json.get("error") instanceof Map) {
      Map<?, ?> error = (Map<?, ?>) json.get("error");
      b.name(string(error.get("name"))).message(string(error.get("message")));
    }
    if (json.get("request") instanceof Map) {
      Map<?, ?> request = (Map<?, ?>) json.get("request");
      b.request(string(request.get("method")), string(request.get("url")));
    }
    List<String> detailTexts = new ArrayList<>();
    if (json.get("errors") instanceof List) {
      for (Object o : (List<?>) json.get("errors")) {
        if (o instanceof Map) {
          Map<?, ?> e = (Map<?, ?>) o;
          ApiError.Detail d = new ApiError.Detail(string(e.get("name")), string(e.get("message")), pathOf(e));
          b.addDetail(d);
          detailTexts.add(d.toString());
        } else if (o != null) {
          b.addDetail(new ApiError.Detail(null, String.valueOf(o), null));
          detailTexts.add(String.valueOf(o));
        }
      }
    }
    if (!(json.get("error") instanceof Map) && !detailTexts.isEmpty()) {
      // The scaffolder answers a failed parameter check on task creation with a bare {errors:[…]}: give it the
      // name Backstage uses for a 400 and a one-line message, so errorName()/errorMessage() say what went wrong.
      if (status == 400) {
        b.name("InputError");
      }
      b.message(detailTexts.size() + " problem(s): " + String.join("; ", detailTexts));
    }
    return b.build();
  }

  /** JSON-schema errors name the place differently depending on the validator that produced them. */
  private static String pathOf(Map<?, ?> e) {
    for (String key : new String[] {"instancePath", "property", "path", "dataPath"}) {
      Object v = e.get(key);
      if (v instanceof String && !((String) v).isEmpty()) {
        return (String) v;
      }
      if (v instanceof List && !((List<?>) v).isEmpty()) {
        return String.join(".", ((List<?>) v).stream().map(String::valueOf).toArray(String[]::new));
      }
    }
    return null;
  }

  private static String string(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
