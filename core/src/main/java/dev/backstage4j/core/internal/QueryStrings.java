package dev.backstage4j.core.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's query string the way Backstage's Express backends do ({@code qs}): {@code +} is a space, repeated
 * keys collect their values in order, and a malformed escape is kept as it was rather than failing the request.
 * One home for the Java plugin router and the testkit's fake server.
 */
public final class QueryStrings {
  private QueryStrings() {}

  /**
   * Parses a raw query string.
   *
   * @param raw the query without {@code ?}, or null
   * @return every key with its values in order (a mutable map; empty for none)
   */
  public static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = decode(eq < 0 ? part : part.substring(0, eq));
      String value = eq < 0 ? "" : decode(part.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /**
   * Decodes one query component ({@code %xx} and {@code +}).
   *
   * @param s the encoded text
   * @return the decoded text, or {@code s} unchanged when its escapes are malformed
   */
  public static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
