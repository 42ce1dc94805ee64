package dev.backstage4j.catalog;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.util.List;
import java.util.Objects;

/**
 * Holds the chain of entities that led to an entity being in the catalog: the entity itself, the location
 * entities that emitted it, and their parents up to the root. Immutable.
 */
public final class EntityAncestry {
  private final EntityRef root;
  private final List<Item> items;

  private EntityAncestry(EntityRef root, List<Item> items) {
    this.root = root;
    this.items = List.copyOf(items);
  }

  /**
   * {@return an ancestry}
   *
   * @param root the ref of the entity whose ancestry this is
   * @param items the entity and its ancestors, each with its parents
   */
  public static EntityAncestry of(EntityRef root, List<Item> items) {
    return new EntityAncestry(Objects.requireNonNull(root, "root"), items);
  }

  /** {@return the ref the ancestry was asked for} */
  public EntityRef rootRef() {
    return root;
  }

  /** {@return the entity and its ancestors, in server order (the entity itself first)} */
  public List<Item> items() {
    return items;
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityAncestry && ((EntityAncestry) o).root.equals(root) && ((EntityAncestry) o).items.equals(items);
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return Objects.hash(root, items);
  }

  /** {@return a short description for logs} */
  @Override
  public String toString() {
    return "EntityAncestry{" + root + ", " + items + "}";
  }

  /** Holds one entity of an ancestry and the refs of the entities that emitted it. Immutable. */
  public static final class Item {
    private final Entity entity;
    private final List<EntityRef> parents;

    private Item(Entity entity, List<EntityRef> parents) {
      this.entity = entity;
      this.parents = List.copyOf(parents);
    }

    /**
     * {@return an item}
     *
     * @param entity the entity at this step
     * @param parentRefs the refs of the entities that emitted it
     */
    public static Item of(Entity entity, List<EntityRef> parentRefs) {
      return new Item(Objects.requireNonNull(entity, "entity"), parentRefs);
    }

    /** {@return the entity} */
    public Entity entity() {
      return entity;
    }

    /** {@return the refs of the entities that emitted this one; empty for the root location} */
    public List<EntityRef> parentRefs() {
      return parents;
    }

    /** {@return whether {@code o} holds the same values} */
    @Override
    public boolean equals(Object o) {
      return o instanceof Item && ((Item) o).entity.equals(entity) && ((Item) o).parents.equals(parents);
    }

    /** {@return a hash of the values} */
    @Override
    public int hashCode() {
      return Objects.hash(entity, parents);
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
      return entity.ref() + "<-" + parents;
    }
  }
}
