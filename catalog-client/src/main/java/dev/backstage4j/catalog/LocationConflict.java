package dev.backstage4j.catalog;

/**
 * Says what registering a location that is already registered (same type and target) should do: the
 * {@code onConflict} option of {@code POST /locations}.
 */
public enum LocationConflict {
  /** Fail with {@link dev.backstage4j.core.ConflictException} (the catalog's default). */
  REJECT,
  /**
   * Keep the existing location and have the catalog read it again soon; the registration returned is the
   * existing one. Makes registering idempotent, e.g. for scripts that run on every build.
   */
  REFRESH
}
