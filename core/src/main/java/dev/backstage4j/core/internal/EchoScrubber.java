package dev.backstage4j.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Removes from a server's answer the secrets this client itself sent: the bearer token and, for a request whose
 * body holds secrets (task creation, dry-run), every string under its {@code secrets}. Servers and gateways echo
 * what they were sent (a 401 quoting the header, a 400 quoting the body), and those answers end up in exception
 * messages, {@code bodyExcerpt()} and logs. Pattern-based {@link Redaction} cannot know an opaque value; this
 * knows the exact strings.
 */
final class EchoScrubber {
  /** Shorter values are left alone: replacing every "ab" in a body would garble it and hides nothing. */
  private static final int MIN_LENGTH = 6;
  private static final String MASK = "[redacted]";
  private final List<String> secrets = new ArrayList<>();

  EchoScrubber(ApiRequest request, String... tokens) {
    for (String token : tokens) {
      add(token);
    }
    if (request.sensitiveBody() && request.jsonBody() instanceof Map) {
      collectStrings(((Map<?, ?>) request.jsonBody()).get("secrets"));
    }
    // Longest first, so a secret that contains another is replaced whole.
    secrets.sort((a, b) -> b.length() - a.length());
  }

  private void collectStrings(Object value) {
    if (value instanceof String) {
      add((String) value);
    } else if (value instanceof Map) {
      ((Map<?, ?>) value).values().forEach(this::collectStrings);
    } else if (value instanceof Collection) {
      ((Collection<?>) value).forEach(this::collectStrings);
    }
  }

  private void add(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  String scrub(String text) {
    String s = text;
    for (String secret : secrets) {
      s = s.replace(secret, MASK);
    }
    return s;
  }

  byte[] scrub(byte[] body) {
    if (secrets.isEmpty() || body.length == 0) {
      return body;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String scrubbed = scrub(text);
    return scrubbed.equals(text) ? body : scrubbed.getBytes(StandardCharsets.UTF_8);
  }
}
