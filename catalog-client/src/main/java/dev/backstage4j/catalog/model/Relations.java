package dev.backstage4j.catalog.model;

/**
 * Names the well-known relation types of {@code @backstage/catalog-model}, in forward/reverse pairs.
 *
 * <p>The list is open: the catalog may hold other types.
 */
public final class Relations {
  private Relations() {}

  /** An entity is owned by a group or user. */
  public static final String OWNED_BY = "ownedBy";
  /** Reverse of {@link #OWNED_BY}. */
  public static final String OWNER_OF = "ownerOf";
  /** A component consumes an API. */
  public static final String CONSUMES_API = "consumesApi";
  /** Reverse of {@link #CONSUMES_API}. */
  public static final String API_CONSUMED_BY = "apiConsumedBy";
  /** A component provides an API. */
  public static final String PROVIDES_API = "providesApi";
  /** Reverse of {@link #PROVIDES_API}. */
  public static final String API_PROVIDED_BY = "apiProvidedBy";
  /** An entity needs another to function. */
  public static final String DEPENDS_ON = "dependsOn";
  /** Reverse of {@link #DEPENDS_ON}. */
  public static final String DEPENDENCY_OF = "dependencyOf";
  /** A group is the parent of another group. */
  public static final String PARENT_OF = "parentOf";
  /** Reverse of {@link #PARENT_OF}. */
  public static final String CHILD_OF = "childOf";
  /** A user is a member of a group. */
  public static final String MEMBER_OF = "memberOf";
  /** Reverse of {@link #MEMBER_OF}. */
  public static final String HAS_MEMBER = "hasMember";
  /** An entity is part of a system, domain or component. */
  public static final String PART_OF = "partOf";
  /** Reverse of {@link #PART_OF}. */
  public static final String HAS_PART = "hasPart";
}
