package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.model.Violation;
import dev.backstage4j.core.ApiError;
import dev.backstage4j.core.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@code {"errors":[…]}} answer of {@code POST /validate-entity} into {@link Violation}s, naming the
 * field when the message does ({@code "metadata.name" is not valid; …}).
 */
final class Verdicts {
  /** {@code "metadata.name" is not valid; …} from the field-format policies. */
  private static final Pattern QUOTED_FIELD = Pattern.compile("\"([A-Za-z0-9_.$/-]+)\" (is not valid|is required"
      + "|must|should)");
  /** {@code /spec must have required property 'owner'} from the kind schemas (JSON pointer, ajv wording). */
  private static final Pattern POINTER = Pattern.compile("^(/[^\\s]*) must have required property '([^']+)'.*"
      + "|^(/[^\\s]*) .*");
  /** The server's wrapper text up to the innermost "caused by Error:". */
  private static final Pattern WRAPPER = Pattern.compile("^.*; caused by (\\w*Error: )?");

  private Verdicts() {}

  /**
   * Returns the violations of a validation 400, or rethrows {@code e} when it is not a verdict (a malformed
   * request, reported in the usual error envelope).
   */
  static List<Violation> violationsOrThrow(InputException e) {
    List<ApiError.Detail> details = e.details();
    if (details.isEmpty()) {
      throw e;
    }
    List<Violation> out = new ArrayList<>();
    for (ApiError.Detail d : details) {
      String message = WRAPPER.matcher(d.message()).replaceFirst("");
      String path = d.path().map(Verdicts::pointerToPath).orElseGet(() -> pathIn(message));
      out.add(Violation.of(path, message));
    }
    return List.copyOf(out);
  }

  /** {@return the field a validation message names, or an empty path for the entity as a whole} */
  static String pathIn(String message) {
    Matcher q = QUOTED_FIELD.matcher(message);
    if (q.find()) {
      return q.group(1);
    }
    Matcher p = POINTER.matcher(message);
    if (p.matches()) {
      String base = pointerToPath(p.group(1) != null ? p.group(1) : p.group(3));
      return p.group(2) == null ? base : base.isEmpty() ? p.group(2) : base + "." + p.group(2);
    }
    return "";
  }

  private static String pointerToPath(String pointer) {
    String s = pointer.startsWith("/") ? pointer.substring(1) : pointer;
    return s.replace('/', '.');
  }
}
