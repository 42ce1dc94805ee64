package dev.backstage4j.core.internal;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that is about to be logged: token-like query parameters in URLs, and
 * token/secret/password fields and bearer tokens in bodies.
 */
public final class Redaction {
  private static final Pattern QUERY_SECRET = Pattern.compile(
      "(?i)([?&](?:token|access_token|id_token|api[_-]?key|auth|key|secret|password|code)=)[^&#\\s]*");
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(?i)(\"(?:[a-z_]*token|secrets?|password|authorization|cookie|api[_-]?key)\"\\s*:\\s*)"
          + "(\"(?:\\\\.|[^\"\\\\])*\"|\\{[^}]*\\})");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

  private Redaction() {}

  /** {@return {@code url} with the values of token-like query parameters replaced by {@code ****}} */
  public static String url(String url) {
    return QUERY_SECRET.matcher(url).replaceAll("$1****");
  }

  /** {@return {@code body} cut to {@code max} characters with secret-looking values replaced by {@code ****}} */
  public static String body(String body, int max) {
    String s = BEARER.matcher(JSON_SECRET.matcher(body).replaceAll("$1\"****\"")).replaceAll("$1****");
    return s.length() > max ? s.substring(0, max) + "…(" + (s.length() - max) + " more chars)" : s;
  }
}
