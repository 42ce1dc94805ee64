package dev.backstage4j.adoption;

/** Names what results roll up by. */
public enum Dimension {
  /** The owner in {@code spec.owner}, as a full ref; entities without one roll up under {@code (none)}. */
  OWNER,
  /** The system in {@code spec.system} (a System rolls up under itself). */
  SYSTEM,
  /** The domain of the entity's system (a System's own {@code spec.domain}; a Domain under itself). */
  DOMAIN,
  /** The kind, lower-cased. */
  KIND
}
