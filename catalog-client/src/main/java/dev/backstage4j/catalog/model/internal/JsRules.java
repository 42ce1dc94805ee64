package dev.backstage4j.catalog.model.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The field-format predicates of {@code @backstage/catalog-model} 1.10.1 ({@code KubernetesValidatorFunctions},
 * {@code CommonValidatorFunctions}, {@code makeValidator}), written out by hand so that JavaScript semantics hold:
 * lengths are UTF-16 code units ({@code String.length}), {@code split} keeps empty parts, {@code $} matches only
 * at the very end, and {@code trim()} uses the ECMAScript white-space set.
 */
public final class JsRules {
  private JsRules() {}

  /** {@return JavaScript's {@code s.split(sep)} for a one-character separator: empty parts kept} */
  public static List<String> split(String s, char sep) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean alpha(char c) {
    return lower(c) || c >= 'A' && c <= 'Z';
  }

  private static boolean alnum(char c) {
    return alpha(c) || digit(c);
  }

  /** {@code isValidDnsLabel}: 1-63 code units, {@code /^[a-z0-9]+(?:\-+[a-z0-9]+)*$/}. */
  public static boolean isDnsLabel(String v) {
    return isDnsLabel(v, 0, v.length());
  }

  /** {@link #isDnsLabel(String)} of {@code v.substring(from, to)}, without the copy. */
  private static boolean isDnsLabel(String v, int from, int to) {
    int n = to - from;
    if (n < 1 || n > 63) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (!(lower(c) || digit(c) || c == '-')) {
        return false;
      }
    }
    return v.charAt(from) != '-' && v.charAt(to - 1) != '-';
  }

  /** {@code isValidDnsSubdomain}: 1-253 code units of dot-separated DNS labels. */
  public static boolean isDnsSubdomain(String v) {
    return isDnsSubdomain(v, 0, v.length());
  }

  /** {@link #isDnsSubdomain(String)} of {@code v.substring(from, to)}: each {@code split('.')} part a label. */
  private static boolean isDnsSubdomain(String v, int from, int to) {
    if (to - from < 1 || to - from > 253) {
      return false;
    }
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || v.charAt(i) == '.') {
        if (!isDnsLabel(v, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** {@code isValidApiVersion}: prefix/suffix on {@code /}, prefix a DNS subdomain, suffix {@code [a-zA-Z0-9]{1,63}}. */
  public static boolean isApiVersion(String v) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      return isApiVersionSuffix(v, 0, v.length());
    }
    return v.indexOf('/', slash + 1) < 0 && isDnsSubdomain(v, 0, slash)
        && isApiVersionSuffix(v, slash + 1, v.length());
  }

  private static boolean isApiVersionSuffix(String v, int from, int to) {
    if (to - from < 1 || to - from > 63) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!alnum(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code isValidKind}: 1-63 code units, {@code /^[a-zA-Z][a-z0-9A-Z]*$/}. */
  public static boolean isKind(String v) {
    if (v.length() < 1 || v.length() > 63 || !alpha(v.charAt(0))) {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      if (!alnum(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code isValidObjectName}: 1-63 code units, {@code /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/}. */
  public static boolean isObjectName(String v) {
    return isObjectName(v, 0, v.length());
  }

  private static boolean isObjectName(String v, int from, int to) {
    int n = to - from;
    if (n < 1 || n > 63) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (!(alnum(c) || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return alnum(v.charAt(from)) && alnum(v.charAt(to - 1));
  }

  /** {@code isValidLabelKey} / {@code isValidAnnotationKey}: prefix a DNS subdomain, suffix an object name. */
  public static boolean isLabelKey(String v) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      return isObjectName(v, 0, v.length());
    }
    return v.indexOf('/', slash + 1) < 0 && isDnsSubdomain(v, 0, slash) && isObjectName(v, slash + 1, v.length());
  }

  /** {@code isValidLabelValue}: empty or an object name. */
  public static boolean isLabelValue(String v) {
    return v.isEmpty() || isObjectName(v);
  }

  /** The catalog's {@code isValidTag}: 1-63 code units, {@code /^[a-z0-9:+#]+(\-[a-z0-9:+#]+)*$/}. */
  public static boolean isTag(String v) {
    int n = v.length();
    if (n < 1 || n > 63) {
      return false;
    }
    char prev = '-';
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c == '-') {
        if (prev == '-') {
          return false;
        }
      } else if (!(lower(c) || digit(c) || c == ':' || c == '+' || c == '#')) {
        return false;
      }
      prev = c;
    }
    return prev != '-';
  }

  /** {@return whether the character is removed by JavaScript's {@code String.prototype.trim()}} */
  public static boolean isJsWhitespace(char c) {
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0xA0: case 0x1680:
      case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }

  /** {@code isNonEmptyString}: {@code value.trim().length >= 1}. */
  public static boolean isNonBlank(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (!isJsWhitespace(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
