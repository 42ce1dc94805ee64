package dev.backstage4j.catalog.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.backstage4j.catalog.model.Entity;
import java.io.IOException;
import java.util.Map;

/**
 * Builds an {@link Entity} from a tree the SDK itself has just decoded, without the defensive deep copy
 * {@link Entity#fromMap(Map)} makes of a user's tree. The tree is made unmodifiable in place
 * ({@link Trees#adoptMap}), or read straight into that form from a parser ({@link #read}), and then goes
 * through exactly the checks of {@code fromMap}.
 *
 * <p>Only for trees nothing else references (for example one Jackson has just decoded into new
 * {@code LinkedHashMap}s and {@code ArrayList}s): the caller must drop its reference to the tree afterwards.
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
   * Returns the entity held by a freshly decoded tree, taking the tree over instead of copying it.
   *
   * @throws dev.backstage4j.catalog.model.InvalidEntityException as {@link Entity#fromMap(Map)} does
   * @throws IllegalArgumentException if the tree holds values that are not JSON-like
   */
  public static Entity fromFreshTree(Map<String, Object> fresh) {
    return factory().fromFrozenTree(Trees.adoptMap(fresh, ""));
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
