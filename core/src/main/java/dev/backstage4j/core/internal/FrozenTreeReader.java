package dev.backstage4j.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads one JSON object from a streaming parser straight into the form {@link Trees#freeze} produces:
 * {@link FrozenMap}s and {@link FrozenList}s, integers as {@code Long} (or {@code BigInteger} when too large), other
 * numbers as {@code Double} (or {@code BigDecimal} when asked), so no second walk or copy is needed. Duplicate
 * keys keep the last value, as Jackson's own map reading does.
 */
public final class FrozenTreeReader {
  private FrozenTreeReader() {}

  /** Reads the object that starts at the parser's current {@code START_OBJECT}; leaves it on the END_OBJECT. */
  public static Map<String, Object> readObject(JsonParser p, boolean bigDecimals) throws IOException {
    FrozenMap.Builder out = new FrozenMap.Builder();
    for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
      out.put(key, value(p, p.nextToken(), bigDecimals));
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw JsonMappingException.from(p, "expected a field name or the end of an object");
    }
    return out.build();
  }

  private static Object value(JsonParser p, JsonToken t, boolean bigDecimals) throws IOException {
    if (t == null) {
      throw JsonMappingException.from(p, "unexpected end of input");
    }
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case START_OBJECT:
        return readObject(p, bigDecimals);
      case START_ARRAY: {
        Object[] items = new Object[4];
        int size = 0;
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          if (size == items.length) {
            items = Arrays.copyOf(items, 2 * size);
          }
          items[size++] = value(p, n, bigDecimals);
        }
        return FrozenList.of(items, size);
      }
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
            : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return bigDecimals ? p.getDecimalValue() : (Object) p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw JsonMappingException.from(p, "unexpected " + t + " in an entity");
    }
  }
}
