package dev.backstage4j.catalog.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.backstage4j.catalog.Location;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.InvalidEntityException;
import dev.backstage4j.catalog.model.internal.FreshEntities;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of the catalog API and their mapping to the public values. */
final class Wire {
  private Wire() {}

  /** Reads each array item as an {@link Entity}; a JSON null stays null (by-refs misses). */
  static final JsonCodec.ItemReader<Entity> ENTITY = (p, codec) -> {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw JsonMappingException.from(p, "expected an entity object but found " + p.currentToken());
    }
    try {
      // Read straight into the model's unmodifiable tree form: no databind tree, no second copy.
      return FreshEntities.read(p, codec.mapper().isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));
    } catch (InvalidEntityException e) {
      throw JsonMappingException.from(p, "the server sent an entity this SDK cannot read: " + e.getMessage());
    }
  };

  static final JsonCodec.ItemReader<Location> LOCATION = (p, codec) -> {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = codec.mapper().readValue(p, LinkedHashMap.class);
    return location(tree, "location");
  };

  /** Reads one entity tree. */
  static Entity entity(Object tree, String what) {
    if (!(tree instanceof Map)) {
      throw new BackstageDecodingException("cannot read " + what + ": expected an entity object", "$", null);
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, ?> map = (Map<String, ?>) tree;
      return Entity.fromMap(map);
    } catch (InvalidEntityException e) {
      throw new BackstageDecodingException("cannot read " + what + ": " + e.getMessage(), "$", e);
    }
  }

  /** Reads a list of entity trees; nulls stay null. */
  static List<Entity> entities(Object list, String what) {
    List<Entity> out = new ArrayList<>();
    if (list instanceof List) {
      for (Object o : (List<?>) list) {
        out.add(o == null ? null : entity(o, what));
      }
    }
    return out;
  }

  /** Reads a Location object. */
  static Location location(Object tree, String what) {
    if (!(tree instanceof Map)) {
      throw new BackstageDecodingException("cannot read " + what + ": expected a location object", "$", null);
    }
    Map<?, ?> m = (Map<?, ?>) tree;
    Object id = m.get("id");
    Object type = m.get("type");
    Object target = m.get("target");
    if (!(id instanceof String) || !(type instanceof String) || !(target instanceof String)) {
      throw new BackstageDecodingException("cannot read " + what + ": id, type and target must be strings", "$",
          null);
    }
    Object ref = m.get("entityRef");
    return Location.of((String) id, (String) type, (String) target, ref instanceof String ? (String) ref : null);
  }

  /** {@return {@code pageInfo.nextCursor} of a paged answer's other fields} */
  static String nextCursor(Map<String, Object> fields) {
    Object info = fields.get("pageInfo");
    Object c = info instanceof Map ? ((Map<?, ?>) info).get("nextCursor") : null;
    return c instanceof String && !((String) c).isEmpty() ? (String) c : null;
  }

  /** {@return {@code totalItems} of a paged answer's other fields} */
  static Long totalItems(Map<String, Object> fields) {
    Object t = fields.get("totalItems");
    return t instanceof Number ? ((Number) t).longValue() : null;
  }

  /** {@return the {@code rel="next"} target of a {@code Link} header, or null} */
  static String nextLink(List<String> linkHeaders) {
    for (String header : linkHeaders) {
      for (String part : header.split(",(?=\\s*<)")) {
        int open = part.indexOf('<');
        int close = part.indexOf('>', open + 1);
        if (open >= 0 && close > open && part.substring(close).matches("(?s)>\\s*;.*rel\\s*=\\s*\"?next\"?.*")) {
          return part.substring(open + 1, close).strip();
        }
      }
    }
    return null;
  }
}
