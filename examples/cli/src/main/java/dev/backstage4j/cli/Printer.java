package dev.backstage4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Prints results on stdout as a table (for people) or JSON/YAML (for scripts: plain maps and lists). */
final class Printer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

  private final PrintWriter out;
  private final OutputFormat format;
  private final boolean bare;
  private final boolean headers;
  private final String jsonPath;

  Printer(PrintWriter out, OutputFormat format) {
    this(out, format, false, true, null);
  }

  /**
   * {@code bare}: tables print only their first column (the id or ref a script captures), without headers;
   * {@code headers}: whether tables print their header line.
   */
  Printer(PrintWriter out, OutputFormat format, boolean bare, boolean headers, String jsonPath) {
    this.jsonPath = jsonPath;
    this.out = out;
    this.format = format == null ? OutputFormat.TABLE : format;
    this.bare = bare;
    this.headers = headers && !bare;
  }

  OutputFormat format() {
    return format;
  }

  boolean structured() {
    return format != OutputFormat.TABLE;
  }

  /** Prints {@code data} as JSON/YAML, or the table made by {@code table} for the table format. */
  void print(Object data, Supplier<Table> table) {
    switch (format) {
      case JSON:
        out.println(json(data));
        break;
      case YAML:
        out.print(yaml(data));
        break;
      case JSONPATH:
        JsonPathOutput.print(out, data, jsonPath);
        break;
      default:
        table.get().print(out, bare, headers);
    }
    out.flush();
  }

  /** Prints a line of text for people; nothing in JSON/YAML mode. */
  void text(String line) {
    if (!structured()) {
      out.println(line);
      out.flush();
    }
  }

  static String json(Object data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  static String yaml(Object data) {
    try {
      return YAML.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** A plain text table with left-aligned columns sized to their widest cell. */
  static final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private int bareColumn;

    private Table(List<String> headers) {
      this.headers = headers;
    }

    static Table of(String... headers) {
      return new Table(List.of(headers));
    }

    /** Says which column {@code -q} prints (default the first): the value column of a field/value table. */
    Table bare(int column) {
      this.bareColumn = column;
      return this;
    }

    Table row(Object... cells) {
      List<String> r = new ArrayList<>();
      for (Object c : cells) {
        r.add(c == null ? "" : String.valueOf(c));
      }
      rows.add(r);
      return this;
    }

    void print(PrintWriter out) {
      print(out, false, true);
    }

    void print(PrintWriter out, boolean firstColumnOnly, boolean withHeaders) {
      if (firstColumnOnly) {
        rows.forEach(r -> out.println(r.get(bareColumn)));
        return;
      }
      int[] width = new int[headers.size()];
      for (int i = 0; i < width.length; i++) {
        width[i] = headers.get(i).length();
        for (List<String> r : rows) {
          width[i] = Math.max(width[i], r.get(i).length());
        }
      }
      if (withHeaders) {
        line(out, headers, width);
      }
      for (List<String> r : rows) {
        line(out, r, width);
      }
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        String c = cells.get(i);
        b.append(c);
        if (i < cells.size() - 1) {
          b.append(" ".repeat(width[i] - c.length() + 2));
        }
      }
      out.println(b.toString().stripTrailing());
    }
  }
}
