package dev.backstage4j.scaffolder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Holds template secrets (for example {@code USER_OAUTH_TOKEN}) sent with a task or a dry-run. Only the names
 * are ever shown: {@link #toString()} redacts every value, and requests carrying secrets are never logged.
 */
public final class Secrets {
  private static final Secrets NONE = new Secrets(Map.of());

  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = values;
  }

  /** {@return an empty set of secrets} */
  public static Secrets none() {
    return NONE;
  }

  /**
   * {@return secrets holding a copy of {@code values}; names and values must not be null}
   *
   * @param values secret names to values
   */
  public static Secrets of(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "secret name"),
        Objects.requireNonNull(v, () -> "value of secret " + k)));
    return new Secrets(Collections.unmodifiableMap(copy));
  }

  /**
   * {@return a copy of these secrets with one more (or a replaced) secret}
   *
   * @param name the secret's name, e.g. {@code USER_OAUTH_TOKEN}
   * @param value the secret's value; never shown by {@code toString()}
   */
  public Secrets with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(Objects.requireNonNull(name, "secret name"), Objects.requireNonNull(value, () -> "value of " + name));
    return new Secrets(Collections.unmodifiableMap(copy));
  }

  /** {@return the names of the secrets (never their values)} */
  public Set<String> names() {
    return values.keySet();
  }

  /** {@return whether there are no secrets} */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** {@return the values for the wire; package-private so that only request bodies see them} */
  Map<String, String> reveal() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secrets && values.equals(((Secrets) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** {@return the secret names with every value replaced by {@code ***}} */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Secrets{");
    String sep = "";
    for (String name : values.keySet()) {
      s.append(sep).append(name).append("=***");
      sep = ", ";
    }
    return s.append('}').toString();
  }
}
