package dev.backstage4j.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.backstage4j.core.internal.QueryStrings;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request as a plugin router sees it: plugin-relative path, decoded query, body. */
final class Call {
  final HttpExchange exchange;
  final String method;
  /** Path relative to the plugin root, still percent-encoded, e.g. {@code /entities/by-name/component/default/x}. */
  final String path;
  /** Plugin-relative path plus the raw query, as the real error body's {@code request.url}. */
  final String url;
  final Map<String, List<String>> query;
  final byte[] body;
  /** The verified caller, set by the server's credentials barrier. */
  dev.backstage4j.plugin.BackstagePrincipal principal;
  private boolean responded;

  Call(HttpExchange exchange, String method, String path, String rawQuery, byte[] body) {
    this.exchange = exchange;
    this.method = method;
    this.path = path;
    this.url = rawQuery == null ? path : path + "?" + rawQuery;
    this.query = parseQuery(rawQuery);
    this.body = body;
  }

  static Map<String, List<String>> parseQuery(String raw) {
    return QueryStrings.parse(raw);
  }

  static String decode(String s) {
    return QueryStrings.decode(s);
  }

  /** {@return the decoded path segments after the given prefix segments} */
  List<String> segments() {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(decodePathSegment(s));
      }
    }
    return out;
  }

  private static String decodePathSegment(String s) {
    return decode(s.replace("+", "%2B"));
  }

  String first(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  List<String> all(String name) {
    return query.getOrDefault(name, List.of());
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** Parses the JSON body as the catalog's express.json + OpenAPI validation would; returns an object map. */
  @SuppressWarnings("unchecked")
  Map<String, Object> jsonObjectBody() {
    if (body.length == 0) {
      return new LinkedHashMap<>();
    }
    Object parsed;
    try {
      parsed = Json.read(body);
    } catch (IOException e) {
      throw ApiFailure.input("Malformed request body (did you remember to specify an application/json content type?) "
          + String.valueOf(e.getMessage()).split("\n")[0]);
    }
    if (!(parsed instanceof Map)) {
      throw ApiFailure.input("request/body must be object");
    }
    return (Map<String, Object>) parsed;
  }

  boolean responded() {
    return responded;
  }

  void sendJson(int status, Object value) throws IOException {
    send(status, "application/json; charset=utf-8", Json.write(value), Map.of());
  }

  void sendJson(int status, Object value, Map<String, String> headers) throws IOException {
    send(status, "application/json; charset=utf-8", Json.write(value), headers);
  }

  /** Sends an empty body, without a Content-Type, like the real backend's {@code res.status(x).end()}. */
  void sendEmpty(int status) throws IOException {
    send(status, null, new byte[0], Map.of());
  }

  void send(int status, String contentType, byte[] bytes, Map<String, String> headers) throws IOException {
    responded = true;
    var h = exchange.getResponseHeaders();
    if (contentType != null) {
      h.set("Content-Type", contentType);
    }
    headers.forEach(h::set);
    boolean noBody = status == 204 || status == 304 || "HEAD".equals(method);
    exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /** Starts a chunked response (SSE); the caller writes and closes the stream. */
  OutputStream startStream(int status, Map<String, String> headers) throws IOException {
    responded = true;
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, 0);
    return exchange.getResponseBody();
  }

  static List<String> splitComma(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  /** An integer query parameter ({@code null} if absent), rejected as the real router does when malformed. */
  Integer intParam(String name, int min) {
    String v = first(name);
    if (v == null) {
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiFailure.input("request/query/" + name + " must be integer");
    }
    if (n < min) {
      throw ApiFailure.input("request/query/" + name + " must be >= " + min);
    }
    return n;
  }
}
