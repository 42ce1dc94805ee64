package dev.backstage4j.cli;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Map;

/**
 * {@code -o jsonpath=EXPR}: the fields a script wants from the JSON output, one per line (strings bare, numbers and
 * booleans as text, objects and arrays as one-line JSON), so {@code $(b4j ... -o 'jsonpath=$.output.links[0].url')}
 * needs no jq. Its own class, so Jayway JsonPath is loaded only when this output is chosen.
 */
final class JsonPathOutput {
  private static final Configuration JACKSON = Configuration.builder().jsonProvider(new JacksonJsonProvider())
      .mappingProvider(new JacksonMappingProvider()).options(Option.SUPPRESS_EXCEPTIONS).build();

  private JsonPathOutput() {
  }

  static void print(PrintWriter out, Object data, String expression) {
    JsonPath path;
    try {
      path = JsonPath.compile(expression);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw CliException.usage("-o jsonpath=" + expression + " is not a JSONPath expression: " + e.getMessage());
    }
    // Through JSON text, so the expression sees exactly what -o json prints.
    Object document = JACKSON.jsonProvider().parse(Printer.json(data));
    Object selected = path.read(document, JACKSON);
    if (selected instanceof Collection && !path.isDefinite()) {
      for (Object v : (Collection<?>) selected) {
        out.println(text(v));
      }
    } else if (selected != null) {
      out.println(text(selected));
    }
  }

  private static String text(Object v) {
    if (v instanceof Map || v instanceof Collection) {
      return Printer.json(v).replaceAll("\\s*\\n\\s*", " ");
    }
    return String.valueOf(v);
  }
}
