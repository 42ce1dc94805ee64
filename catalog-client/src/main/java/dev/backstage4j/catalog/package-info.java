/**
 * The Backstage catalog REST client: {@link dev.backstage4j.catalog.CatalogClient} with
 * {@link dev.backstage4j.catalog.CatalogEntities entities()} and {@link dev.backstage4j.catalog.CatalogLocations
 * locations()}, typed queries ({@link dev.backstage4j.catalog.EntityFilter},
 * {@link dev.backstage4j.catalog.EntityPredicate}, {@link dev.backstage4j.catalog.EntityQuery}) and lazy paging.
 *
 * <pre>{@code
 * CatalogClient catalog = CatalogClient.create(URI.create("http://localhost:7007"),
 *     CredentialsProvider.staticToken(token));
 * for (Entity e : catalog.entities().query(EntityQuery.builder()
 *     .filter(EntityFilter.builder().kind("Component").build()).build())) {
 *   System.out.println(e.ref());
 * }
 * }</pre>
 *
 * <p>Clients are thread-safe; values are immutable. Non-null unless documented.
 */
package dev.backstage4j.catalog;
