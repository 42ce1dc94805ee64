package dev.backstage4j.scaffolder.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.backstage4j.scaffolder.TemplateFileException;
import java.util.Map;

/** Reads and writes template YAML; output is deterministic (map order kept, minimal but safe quoting). */
public final class Yaml {
  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private Yaml() {}

  /** Writes a tree of maps and lists as YAML. */
  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a YAML mapping; errors name {@code source}, the line and the column. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(String yaml, String source) {
    Object tree;
    try {
      tree = MAPPER.readValue(yaml, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new TemplateFileException(source + where + ": invalid YAML (" + e.getOriginalMessage() + ")", e);
    }
    if (!(tree instanceof Map)) {
      throw new TemplateFileException(source + ": expected a YAML mapping (a Template entity) at the top level",
          null);
    }
    return (Map<String, Object>) tree;
  }
}
