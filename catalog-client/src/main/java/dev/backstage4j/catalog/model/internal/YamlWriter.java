package dev.backstage4j.catalog.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one YAML writer for entity and template files: map order kept, no {@code ---} start marker, quotes only where
 * YAML needs them (strings that look like numbers or booleans are quoted, so a YAML 1.1 or 1.2 reader gets them
 * back as strings), multi-line strings as literal blocks, list items indented under their key.
 */
public final class YamlWriter {
  private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder().build())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();

  private YamlWriter() {}

  /**
   * Returns a tree of maps, lists and scalars as one YAML document.
   *
   * @throws IllegalStateException if the tree holds a value Jackson cannot write
   */
  public static String write(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }
}
