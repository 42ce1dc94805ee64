package dev.backstage4j.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON and YAML (de)serialization and mutable deep copies of the fake's plain Map/List trees (it stores entities as
 * trees, like the real catalog); reading fields of a tree is {@link dev.backstage4j.core.internal.Trees}'.
 */
public final class Json {
  static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

  private Json() {
  }

  /** Serializes a tree to compact JSON bytes. */
  public static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serializes a tree to a compact JSON string. */
  public static String writeString(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serializes a tree to YAML. */
  public static String writeYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON into plain Maps/Lists/Strings/Numbers/Booleans; throws IOException on malformed input. */
  public static Object read(byte[] bytes) throws IOException {
    return JSON.readValue(bytes, Object.class);
  }

  /** Parses a JSON object. */
  public static Map<String, Object> readMap(String text) {
    try {
      return JSON.readValue(text, MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deep-copies a tree of Maps and Lists. */
  @SuppressWarnings("unchecked")
  public static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object o : l) {
        copy.add(deepCopy(o));
      }
      return (T) copy;
    }
    return value;
  }
}
