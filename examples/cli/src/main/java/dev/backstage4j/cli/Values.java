package dev.backstage4j.cli;

import dev.backstage4j.catalog.model.internal.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads template values, in any of the forms a script reaches for (later ones win):
 * <ul>
 *   <li>{@code key=value}: the value read as a YAML scalar, so {@code 3} is a number and {@code true} a boolean;</li>
 *   <li>an inline JSON or YAML object: {@code '{"name":"x","owner":"group:default/team-a"}'};</li>
 *   <li>{@code -}: a JSON or YAML object on standard input;</li>
 *   <li>{@code @file} or a plain file path: a JSON or YAML file holding an object.</li>
 * </ul>
 * YAML is read as Backstage reads it (YAML 1.2: {@code yes} and {@code on} stay strings), like every other file of
 * the project.
 */
final class Values {
  /** A key of the key=value form: no spaces, braces or colons, so inline YAML and JSON are not mistaken for it. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z_$][\\w$.-]*");

  private Values() {
  }

  static Map<String, Object> parse(List<String> args) {
    return parse(args, () -> System.in);
  }

  static Map<String, Object> parse(List<String> args, Supplier<InputStream> stdin) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (args == null) {
      return values;
    }
    for (String a : args) {
      String trimmed = a.strip();
      int eq = a.indexOf('=');
      if (trimmed.startsWith("{")) {
        values.putAll(object(a, "the inline --values object"));
      } else if (eq > 0 && KEY.matcher(a.substring(0, eq)).matches()) {
        values.put(a.substring(0, eq), scalar(a.substring(eq + 1)));
      } else if (a.equals("-")) {
        values.putAll(object(read(stdin), "--values - (standard input)"));
      } else if (a.startsWith("@")) {
        values.putAll(file(Path.of(a.substring(1))));
      } else if (Files.isRegularFile(Path.of(a))) {
        values.putAll(file(Path.of(a)));
      } else if (a.contains(":") && a.contains("\n")) {
        values.putAll(object(a, "the inline --values YAML"));
      } else {
        throw CliException.usage("--values takes key=value, an inline JSON/YAML object, - (stdin) or a"
            + " YAML/JSON file (@file or a path), not: " + a);
      }
    }
    return values;
  }

  /** Parses name=value pairs as plain strings (for secrets, which are never printed). */
  static Map<String, String> strings(List<String> args, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    if (args == null) {
      return out;
    }
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage(option + " takes name=value (the value is not shown here)");
      }
      out.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return out;
  }

  private static Object scalar(String text) {
    if (text.isEmpty()) {
      return "";
    }
    try {
      Object v = yaml(text, "value");
      return v instanceof Map || v instanceof List || v == null ? text : v;
    } catch (CliException e) {
      return text;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String text, String what) {
    Object v = yaml(text, what);
    if (!(v instanceof Map)) {
      throw CliException.usage(what + " must hold an object of names to values");
    }
    return (Map<String, Object>) v;
  }

  private static Map<String, Object> file(Path file) {
    try {
      return object(Files.readString(file, StandardCharsets.UTF_8), "values file " + file);
    } catch (IOException e) {
      throw CliException.usage("cannot read values file " + file + ": " + e.getMessage());
    }
  }

  private static Object yaml(String text, String what) {
    try {
      YamlTreeReader.Document d = new YamlTreeReader(new StringReader(text), 3 << 20, 64, 100, 100_000).next();
      return d == null ? null : d.root;
    } catch (YamlTreeReader.Failure f) {
      throw CliException.usage("cannot read " + what + ": line " + f.line + ", column " + f.column + ": "
          + f.getMessage());
    }
  }

  private static String read(Supplier<InputStream> stdin) {
    try {
      return new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --values from standard input", e);
    }
  }
}
