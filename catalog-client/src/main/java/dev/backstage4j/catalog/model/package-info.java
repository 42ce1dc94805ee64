/**
 * The Backstage entity model: {@link dev.backstage4j.catalog.model.Entity}, {@link
 * dev.backstage4j.catalog.model.EntityRef}, typed views of the built-in kinds, offline validation that agrees with
 * the real catalog, and catalog-info.yaml reading and writing.
 *
 * <pre>{@code
 * EntityRef owner = EntityRef.parse("team-a", "Group", "default");
 * Entity e = Entity.fromMap(tree);
 * }</pre>
 *
 * <p>Values are immutable and thread-safe. Non-null unless documented.
 */
package dev.backstage4j.catalog.model;
