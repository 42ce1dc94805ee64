package dev.backstage4j.catalog.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifies a catalog entity by kind, namespace and name, parsed and printed exactly as
 * {@code @backstage/catalog-model} 1.10 does ({@code parseEntityRef} / {@code stringifyEntityRef}).
 *
 * <p>The parts keep the spelling they were given ({@link #kind()}, {@link #namespace()}, {@link #name()}), but
 * Backstage compares refs case-insensitively, so {@link #equals(Object)}, {@link #hashCode()} and
 * {@link #compareTo(EntityRef)} use the lower-cased canonical form, and {@link #toString()} returns it
 * ({@code component:default/artist-web}). Refs are therefore safe map keys. Instances are immutable and
 * thread-safe.
 *
 * <pre>{@code
 * EntityRef ref = EntityRef.parse("Component:Default/artist-web");
 * ref.kind();      // "Component"
 * ref.toString();  // "component:default/artist-web"
 * EntityRef.parse("team-a", "Group", "default");  // group:default/team-a
 * }</pre>
 */
public final class EntityRef implements Comparable<EntityRef> {
  /** The namespace used when a ref or an entity names none: {@code "default"}. */
  public static final String DEFAULT_NAMESPACE = "default";

  private final String kind;
  private final String namespace;
  private final String name;
  /** The canonical form, computed on first use (racy but benign, like {@code String.hashCode}). */
  private String canonical;

  private EntityRef(String kind, String namespace, String name) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
  }

  private String canonical() {
    String c = canonical;
    if (c == null) {
      c = lower(kind) + ":" + lower(namespace) + "/" + lower(name);
      canonical = c;
    }
    return c;
  }

  /**
   * {@return the ref with the given parts}
   *
   * @param kind the kind, e.g. {@code component}
   * @param name the name
   * @param namespace the namespace; {@code null} or empty means {@value #DEFAULT_NAMESPACE}
   * @throws IllegalArgumentException if kind or name is null or empty
   */
  public static EntityRef of(String kind, String namespace, String name) {
    if (kind == null || kind.isEmpty()) {
      throw new IllegalArgumentException("Entity reference kind must not be empty");
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Entity reference name must not be empty");
    }
    return new EntityRef(kind, namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace, name);
  }

  /**
   * Parses a full ref of the form {@code kind:namespace/name} or {@code kind:name}; the namespace defaults to
   * {@value #DEFAULT_NAMESPACE}.
   *
   * @param ref the ref text
   * @return the ref, namespace filled in
   * @throws IllegalArgumentException with the message Backstage gives, if the ref is empty, has an empty part
   *     or names no kind
   */
  public static EntityRef parse(String ref) {
    return parse(ref, null, null);
  }

  /**
   * Parses a ref of the form {@code [<kind>:][<namespace>/]<name>}, filling in missing parts from the defaults,
   * as Backstage does for refs in spec fields (for example {@code spec.owner} defaults to kind {@code Group} and
   * the referring entity's namespace).
   *
   * <p>The first {@code :} ends the kind unless a {@code /} comes before it; the first {@code /} ends the
   * namespace; the name is everything after, so names may contain further {@code :} and {@code /}. Nothing is
   * trimmed or lower-cased.
   *
   * @param ref the ref text, any parts missing
   * @return the ref with missing parts taken from the defaults
   * @param defaultKind kind used when the ref has none; may be null
   * @param defaultNamespace namespace used when the ref has none; null or empty means
   *     {@value #DEFAULT_NAMESPACE}
   * @throws IllegalArgumentException with the message Backstage gives, if the ref is empty, has an empty part
   *     or names no kind and no default kind is given
   */
  public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
    String problem = formProblem(ref);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    int colon = kindEnd(ref);
    int slash = ref.indexOf('/');
    String kind = colon == -1 ? null : ref.substring(0, colon);
    String namespace = slash == -1 ? null : ref.substring(colon + 1, slash);
    String name = ref.substring(Math.max(colon + 1, slash + 1));
    if (kind == null) {
      kind = defaultKind;
    }
    if (namespace == null) {
      namespace = defaultNamespace == null || defaultNamespace.isEmpty() ? DEFAULT_NAMESPACE : defaultNamespace;
    }
    if (kind == null || kind.isEmpty()) {
      throw new IllegalArgumentException(missingKind(ref));
    }
    return new EntityRef(kind, namespace, name);
  }

  /**
   * Returns why {@link #parse(String)} would reject the ref, with the message it would throw, or null if it
   * would accept it; allocates nothing for a good ref, so whole catalogs of relations are checked cheaply.
   */
  static String fullRefProblem(String ref) {
    String problem = formProblem(ref);
    return problem == null && kindEnd(ref) == -1 ? missingKind(ref) : problem;
  }

  private static String missingKind(String ref) {
    return "Entity reference " + jsonString(ref)
        + " had missing or empty kind (e.g. did not start with \"component:\" or similar)";
  }

  /** The form check of {@link #parse(String, String, String)}: null, or the message for an empty ref or part. */
  private static String formProblem(String ref) {
    if (ref == null || ref.isEmpty()) {
      return "Entity reference must not be empty";
    }
    int colon = kindEnd(ref);
    int slash = ref.indexOf('/');
    boolean emptyKind = colon == 0;
    boolean emptyNamespace = slash != -1 && slash == colon + 1;
    boolean emptyName = Math.max(colon + 1, slash + 1) == ref.length();
    if (emptyKind || emptyNamespace || emptyName) {
      return "Entity reference \"" + ref + "\" was not on the form [<kind>:][<namespace>/]<name>";
    }
    return null;
  }

  /** Index of the {@code :} that ends the kind, or -1: the first {@code :}, unless a {@code /} comes before it. */
  private static int kindEnd(String ref) {
    int colon = ref.indexOf(':');
    int slash = ref.indexOf('/');
    return slash != -1 && slash < colon ? -1 : colon;
  }

  /** {@return the kind as given, for example {@code Component}} */
  public String kind() {
    return kind;
  }

  /** {@return the namespace as given, {@value #DEFAULT_NAMESPACE} when none was given} */
  public String namespace() {
    return namespace;
  }

  /** {@return the name as given} */
  public String name() {
    return name;
  }

  /**
   * Returns the canonical string form {@code kind:namespace/name}, lower-cased, exactly as
   * {@code stringifyEntityRef} prints it.
   */
  @Override
  public String toString() {
    return canonical();
  }

  /** {@return whether the other object is a ref to the same entity, comparing parts case-insensitively} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityRef && ((EntityRef) o).canonical().equals(canonical());
  }

  /** {@return a hash code of the canonical form} */
  @Override
  public int hashCode() {
    return canonical().hashCode();
  }

  /** Orders refs by their canonical string form. */
  @Override
  public int compareTo(EntityRef other) {
    return canonical().compareTo(Objects.requireNonNull(other, "other").canonical());
  }

  /**
   * Lower-cases like JavaScript's {@code String.prototype.toLowerCase()}: the Unicode default case mapping, with
   * the context-dependent final sigma rule (Java's own rule for it differs).
   */
  static String lower(String s) {
    if (s.indexOf('\u03A3') < 0) {
      return s.toLowerCase(Locale.ROOT);
    }
    StringBuilder b = new StringBuilder(s.length());
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\u03A3') {
        b.append(s.substring(start, i).toLowerCase(Locale.ROOT));
        b.append(isFinalSigma(s, i) ? '\u03C2' : '\u03C3');
        start = i + 1;
      }
    }
    return b.append(s.substring(start).toLowerCase(Locale.ROOT)).toString();
  }

  /** Unicode Final_Sigma: a cased letter before (skipping case-ignorables), none after. */
  private static boolean isFinalSigma(String s, int at) {
    boolean casedBefore = false;
    for (int i = at; i > 0; ) {
      int cp = s.codePointBefore(i);
      i -= Character.charCount(cp);
      if (!isCaseIgnorable(cp)) {
        casedBefore = isCased(cp);
        break;
      }
    }
    if (!casedBefore) {
      return false;
    }
    for (int i = at + 1; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!isCaseIgnorable(cp)) {
        return !isCased(cp);
      }
    }
    return true;
  }

  private static boolean isCased(int cp) {
    return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  private static boolean isCaseIgnorable(int cp) {
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.FORMAT:
      case Character.MODIFIER_LETTER:
      case Character.MODIFIER_SYMBOL:
        return true;
      default:
        switch (cp) {
          case 0x27: case 0x2E: case 0x3A: case 0xB7: case 0x387: case 0x55F: case 0x5F4: case 0x2018:
          case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52: case 0xFE55: case 0xFF07:
          case 0xFF0E: case 0xFF1A:
            return true;
          default:
            return false;
        }
    }
  }

  /** Quotes like JavaScript's JSON.stringify for a string, so messages match Backstage's. */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        case '\b': b.append("\\b"); break;
        case '\f': b.append("\\f"); break;
        default:
          if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
