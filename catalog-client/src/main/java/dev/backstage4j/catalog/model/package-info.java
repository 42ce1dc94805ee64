/**
 * The Backstage entity model: {@link dev.backstage4j.catalog.model.Entity}, {@link
 * dev.backstage4j.catalog.model.EntityRef}, typed views of the built-in kinds, offline validation that agrees with
 * the real catalog, and catalog-info.yaml reading and writing.
 *
 * <pre>{@code
 * // Check a catalog-info.yaml as the catalog would; every violation points at file:line:column.
 * for (CatalogDocument doc : CatalogYaml.create().read(Path.of("catalog-info.yaml"))) {
 *   doc.validation().violations().forEach(System.err::println);
 * }
 * List<Entity> entities = CatalogYaml.create().readEntities(Path.of("catalog-info.yaml")); // or throws
 * EntityRef owner = ComponentEntity.of(entities.get(0)).ownerRef();  // group:default/team-a
 * }</pre>
 *
 * <p>Values are immutable and thread-safe. Non-null unless documented.
 */
package dev.backstage4j.catalog.model;
