package dev.backstage4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads template values given as {@code --values key=value} (the value read as a YAML scalar, so {@code 3} is a
 * number and {@code true} a boolean) or {@code --values file.yaml|file.json}; later ones win.
 */
final class Values {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Values() {
  }

  static Map<String, Object> parse(List<String> args) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (args == null) {
      return values;
    }
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq > 0) {
        values.put(a.substring(0, eq), scalar(a.substring(eq + 1)));
      } else if (Files.isRegularFile(Path.of(a))) {
        values.putAll(file(Path.of(a)));
      } else {
        throw CliException.usage("--values takes key=value or a YAML/JSON file, not: " + a);
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
      Object v = YAML.readValue(text, Object.class);
      return v instanceof Map || v instanceof List || v == null ? text : v;
    } catch (IOException e) {
      return text;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> file(Path file) {
    try {
      Object v = YAML.readValue(file.toFile(), Object.class);
      if (!(v instanceof Map)) {
        throw CliException.usage("values file " + file + " must hold a mapping of names to values");
      }
      return (Map<String, Object>) v;
    } catch (IOException e) {
      throw CliException.usage("cannot read values file " + file + ": " + e.getMessage().lines().findFirst()
          .orElse(""));
    }
  }
}
