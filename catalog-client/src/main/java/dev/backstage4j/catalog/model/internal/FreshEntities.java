package dev.backstage4j.catalog.model.internal;

import dev.backstage4j.core.internal.Trees;
import dev.backstage4j.core.internal.FrozenTreeReader;
import com.fasterxml.jackson.core.JsonParser;
import dev.backstage4j.catalog.model.Entity;
import java.io.IOException;
import java.util.Map;

/**
 * Builds an {@link Entity} straight from JSON being parsed, without the tree and the defensive deep copy
 * {@link Entity#fromMap(Map)} would make: the object is read directly into the model's unmodifiable form
 * ({@link FrozenTreeReader}) and then goes through exactly the checks of {@code fromMap}.
 */
public final class FreshEntities {
  /** What {@link Entity} registers when it is initialised. */
  public interface Factory {
    /** Checks a tree already in the form {@link Trees#freeze} produces, and returns its entity. */
    Entity fromFrozenTree(Map<String, Object> frozen);
  }

  private static volatile Factory factory;

  private FreshEntities() {}

  /** Registers the factory; called once by {@link Entity}'s static initialiser, later calls are ignored. */
  public static synchronized void register(Factory f) {
    if (factory == null) {
      factory = f;
    }
  }

  /**
   * Reads the entity object that starts at the parser's current {@code START_OBJECT} straight into
   * unmodifiable form (see {@link FrozenTreeReader}) and returns its entity, checked as by
   * {@link Entity#fromMap(Map)}.
   *
   * @param bigDecimals whether non-integer numbers become {@code BigDecimal} rather than {@code Double}
   * @throws dev.backstage4j.catalog.model.InvalidEntityException as {@link Entity#fromMap(Map)} does
   */
  public static Entity read(JsonParser parser, boolean bigDecimals) throws IOException {
    return factory().fromFrozenTree(FrozenTreeReader.readObject(parser, bigDecimals));
  }

  private static Factory factory() {
    Factory f = factory;
    if (f == null) {
      try {
        Class.forName(Entity.class.getName(), true, Entity.class.getClassLoader()); // runs the registration
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      f = factory;
    }
    return f;
  }
}
