package dev.backstage4j.adoption.events.internal;

import dev.backstage4j.adoption.events.AnalyticsContext;
import dev.backstage4j.adoption.events.AnalyticsEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Replaces user identities by a salted SHA-256 hash. Used by the single dispatcher thread only. */
public final class Pseudonymizer {
  private static final Set<String> USER_ATTRIBUTES = Set.of("userId", "userEntityRef", "user");

  private final byte[] salt;
  private final MessageDigest sha256;

  public Pseudonymizer(String salt) {
    this.salt = salt.getBytes(StandardCharsets.UTF_8);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** {@return the hash that stands for {@code identity}} */
  public String pseudonym(String identity) {
    sha256.reset();
    sha256.update(salt);
    sha256.update(identity.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest());
  }

  public AnalyticsEvent apply(AnalyticsEvent e) {
    AnalyticsEvent out = e;
    if (e.context().userEntityRef().isPresent()) {
      AnalyticsContext c = e.context().toBuilder().userEntityRef(pseudonym(e.context().userEntityRef().get())).build();
      out = out.withContext(c);
    }
    if (e.attributes().keySet().stream().anyMatch(USER_ATTRIBUTES::contains)) {
      Map<String, Object> attributes = new LinkedHashMap<>(e.attributes());
      for (String key : USER_ATTRIBUTES) {
        Object v = attributes.get(key);
        if (v != null) {
          attributes.put(key, pseudonym(String.valueOf(v)));
        }
      }
      out = out.withAttributes(attributes);
    }
    return out;
  }
}
