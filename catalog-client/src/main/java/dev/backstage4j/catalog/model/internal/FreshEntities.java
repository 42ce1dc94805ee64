package dev.backstage4j.catalog.model.internal;

import dev.backstage4j.catalog.model.Entity;
import java.util.Map;

/**
 * Builds an {@link Entity} from a tree the SDK itself has just decoded, without the defensive deep copy
 * {@link Entity#fromMap(Map)} makes of a user's tree. The tree is made unmodifiable in place
 * ({@link Trees#adoptMap}) and then goes through exactly the checks of {@code fromMap}.
 *
 * <p>Only for trees nothing else references (for example one Jackson has just decoded into new
 * {@code LinkedHashMap}s and {@code ArrayList}s): the caller must drop its reference to the tree afterwards.
 */
public final class FreshEntities {
  /** What {@link Entity} registers when it is initialised. */
  public interface Factory {
    /** Returns the entity held by a fresh tree; see {@link FreshEntities#fromFreshTree(Map)}. */
    Entity fromFreshTree(Map<String, Object> fresh);
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
    Factory f = factory;
    if (f == null) {
      try {
        Class.forName(Entity.class.getName(), true, Entity.class.getClassLoader()); // runs the registration
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      f = factory;
    }
    return f.fromFreshTree(fresh);
  }
}
