package dev.backstage4j.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.BackstageTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place JSON is configured: a single {@link ObjectMapper} (unknown fields ignored, unknown enum values
 * read as the {@code @JsonEnumDefaultValue} constant, ISO-8601 times) and the decoding helpers that turn Jackson
 * failures into {@link BackstageDecodingException}s carrying a JSON path such as {@code $.items[2].metadata}.
 * Thread-safe.
 */
public final class JsonCodec {
  private static final JsonCodec SHARED = new JsonCodec();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper mapper;

  private JsonCodec() {
    JsonMapper m = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .addModule(new JavaTimeModule())
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
    // A whole catalog can be one large response; Jackson's default 20 MB string cap is per string, fine, but
    // document nesting is bounded so a hostile body cannot exhaust the stack.
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build());
    this.mapper = m;
  }

  /** {@return the shared codec} */
  public static JsonCodec shared() {
    return SHARED;
  }

  /** {@return the configured mapper, for internal DTO mapping} */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** Serializes {@code value} to UTF-8 JSON bytes. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Serializes {@code value} to a JSON string. */
  public String writeString(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Reads {@code body} as {@code type}; {@code what} names the document in errors ("GET /entities response"). */
  public <T> T read(byte[] body, Class<T> type, String what) {
    return read(body, mapper.constructType(type), what);
  }

  /** Reads {@code body} as {@code type}. */
  public <T> T read(byte[] body, TypeReference<T> type, String what) {
    return read(body, mapper.constructType(type), what);
  }

  private <T> T read(byte[] body, JavaType type, String what) {
    try {
      return mapper.readValue(body, type);
    } catch (IOException e) {
      throw decodingError(what, e);
    }
  }

  /** Reads a JSON object into plain maps, lists, strings, numbers and booleans. */
  public Map<String, Object> readMap(byte[] body, String what) {
    return read(body, MAP, what);
  }

  /** Reads the JSON value the parser is positioned at into plain Java values. */
  public Object readPlain(JsonParser parser) throws IOException {
    return mapper.readValue(parser, Object.class);
  }

  /** Converts a plain tree or DTO into {@code type} (e.g. maps into a record). */
  public <T> T convert(Object value, Class<T> type, String what) {
    try {
      return mapper.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
      throw new BackstageDecodingException("cannot read " + what + ": " + rootMessage(cause), "$", e);
    }
  }

  /**
   * Opens a streaming parser over {@code in}. Jackson reads the first bytes here (to detect the encoding), so a
   * connection lost at once surfaces here: as a {@link BackstageTransportException} naming {@code what}.
   */
  public JsonParser parser(InputStream in, String what) {
    try {
      return mapper.createParser(in);
    } catch (IOException e) {
      throw new BackstageTransportException("reading " + what + " failed before its first bytes arrived: "
          + e.getMessage(), e);
    }
  }

  /**
   * Returns a lazily decoded view of a JSON document holding one array of items: either a top-level array
   * ({@code arrayField} null) or an object with the items under {@code arrayField} and other fields (page info)
   * before or after it. Items are decoded one at a time by {@code reader}, so the page is never held in memory.
   */
  public <T> JsonItemStream<T> streamItems(InputStream in, String arrayField, ItemReader<T> reader, String what) {
    return new JsonItemStream<>(parser(in, what), arrayField, reader, what, this);
  }

  /** Reads one item at the parser's current token. */
  @FunctionalInterface
  public interface ItemReader<T> {
    /** Reads the value that starts at the current token and leaves the parser on its last token. */
    T read(JsonParser parser, JsonCodec codec) throws IOException;
  }

  /** Returns an item reader that reads each item into plain maps and lists. */
  @SuppressWarnings("unchecked")
  public static ItemReader<Map<String, Object>> mapReader() {
    return (p, codec) -> {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw JsonMappingException.from(p, "expected an object but found " + p.currentToken());
      }
      return (Map<String, Object>) codec.mapper.readValue(p, LinkedHashMap.class);
    };
  }

  /** Wraps a Jackson failure in a decoding error with the JSON path where it happened. */
  public static BackstageDecodingException decodingError(String what, IOException e) {
    return new BackstageDecodingException("cannot read " + what + ": " + rootMessage(e), pathOf(e), e);
  }

  static String rootMessage(Throwable e) {
    if (e instanceof JsonProcessingException) {
      String m = ((JsonProcessingException) e).getOriginalMessage();
      return m == null ? e.getClass().getSimpleName() : m;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@return the JSON path ({@code $.a[1].b}) where a Jackson failure happened, or {@code $}} */
  static String pathOf(IOException e) {
    if (e instanceof JsonMappingException && !((JsonMappingException) e).getPath().isEmpty()) {
      StringBuilder s = new StringBuilder("$");
      for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
        if (r.getFieldName() != null) {
          s.append('.').append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          s.append('[').append(r.getIndex()).append(']');
        }
      }
      return s.toString();
    }
    if (e instanceof JsonProcessingException && ((JsonProcessingException) e).getProcessor() instanceof JsonParser) {
      JsonParser p = (JsonParser) ((JsonProcessingException) e).getProcessor();
      return pointerToPath(p.getParsingContext().pathAsPointer());
    }
    return "$";
  }

  static String pointerToPath(JsonPointer pointer) {
    StringBuilder s = new StringBuilder("$");
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      if (p.getMatchingIndex() >= 0) {
        s.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        s.append('.').append(p.getMatchingProperty());
      }
    }
    return s.toString();
  }
}
