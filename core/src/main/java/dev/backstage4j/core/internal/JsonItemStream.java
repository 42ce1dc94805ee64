package dev.backstage4j.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.BackstageTransportException;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Items of one JSON array decoded one at a time from a stream, plus the document's other top-level fields
 * ({@link #otherFields()}: page info, totals), complete once the items are used up. Not thread-safe.
 *
 * @param <T> the item type
 */
public final class JsonItemStream<T> implements PageStream<T> {
  private final JsonParser parser;
  private final String arrayField;
  private final JsonCodec.ItemReader<T> reader;
  private final String what;
  private final JsonCodec codec;
  private final Map<String, Object> otherFields = new LinkedHashMap<>();
  private boolean started;
  private boolean itemsDone;
  private T next;
  private int index;
  private long documentBytes = -1;
  private Closeable onClose = () -> {};
  private java.util.function.Function<Map<String, Object>, String> cursorOf = m -> null;
  private java.util.function.Function<Map<String, Object>, Long> totalOf = m -> null;

  JsonItemStream(JsonParser parser, String arrayField, JsonCodec.ItemReader<T> reader, String what,
      JsonCodec codec) {
    this.parser = parser;
    this.arrayField = arrayField;
    this.reader = reader;
    this.what = what;
    this.codec = codec;
  }

  /** Also closes {@code resource} (the HTTP response) when this stream is closed. */
  public JsonItemStream<T> closing(Closeable resource) {
    this.onClose = resource;
    return this;
  }

  /** Says how to find the next page's cursor and the total among the other fields. */
  public JsonItemStream<T> paging(java.util.function.Function<Map<String, Object>, String> cursorOf,
      java.util.function.Function<Map<String, Object>, Long> totalOf) {
    this.cursorOf = cursorOf;
    this.totalOf = totalOf;
    return this;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (itemsDone) {
      return false;
    }
    try {
      if (!started) {
        started = true;
        if (!openArray()) {
          finishItems();
          return false;
        }
      }
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY || t == null) {
        finishItems();
        return false;
      }
      next = reader.read(parser, codec);
      index++;
      return true;
    } catch (BackstageDecodingException e) {
      close();
      throw e;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      close();
      throw JsonCodec.decodingError(what, e);
    } catch (IOException e) {
      close();
      throw new BackstageTransportException("reading " + what + " failed after " + index + " items: "
          + e.getMessage(), e);
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T item = next;
    next = null;
    return item;
  }

  /** Positions the parser inside the items array; returns false if the document has no such array. */
  private boolean openArray() throws IOException {
    JsonToken first = parser.nextToken();
    if (arrayField == null) {
      if (first != JsonToken.START_ARRAY) {
        throw com.fasterxml.jackson.databind.JsonMappingException.from(parser,
            "expected a JSON array but found " + first);
      }
      return true;
    }
    if (first != JsonToken.START_OBJECT) {
      throw com.fasterxml.jackson.databind.JsonMappingException.from(parser,
          "expected a JSON object but found " + first);
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals(arrayField)) {
        if (value != JsonToken.START_ARRAY) {
          throw com.fasterxml.jackson.databind.JsonMappingException.from(parser,
              "expected '" + arrayField + "' to be an array but found " + value);
        }
        return true;
      }
      otherFields.put(field, codec.readPlain(parser));
    }
    return false;
  }

  /** Reads the fields after the array so page info is known, then releases the response. */
  private void finishItems() throws IOException {
    itemsDone = true;
    if (arrayField != null) {
      while (true) {
        JsonToken t = parser.nextToken();
        if (t != JsonToken.FIELD_NAME) {
          break;
        }
        String field = parser.currentName();
        parser.nextToken();
        otherFields.put(field, codec.readPlain(parser));
      }
    }
    JsonLocation end = parser.currentLocation();
    documentBytes = end.getByteOffset() >= 0 ? end.getByteOffset() : end.getCharOffset();
    close();
  }

  /** {@return how many items were read so far} */
  public int itemsRead() {
    return index;
  }

  /**
   * {@return the size of the document as decoded (after any gzip), in bytes (in characters for a text source),
   * once the items are used up; -1 before}
   */
  public long documentBytes() {
    return documentBytes;
  }

  /** {@return the top-level fields other than the items; complete once {@link #hasNext()} returned false} */
  public Map<String, Object> otherFields() {
    return Collections.unmodifiableMap(otherFields);
  }

  @Override
  public String nextCursor() {
    return cursorOf.apply(otherFields);
  }

  @Override
  public Long totalItems() {
    return totalOf.apply(otherFields);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // releasing a response we are done with
    }
    try {
      onClose.close();
    } catch (IOException ignored) {
      // same
    }
  }
}
